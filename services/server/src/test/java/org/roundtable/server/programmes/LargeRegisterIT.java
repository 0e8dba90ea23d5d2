package org.roundtable.server.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A big session's register")
class LargeRegisterIT extends ProgrammesApplicationTest {

    private static final int FAMILIES = 8;
    private static final int CHILDREN_PER_FAMILY = 2;
    private static final int INDIVIDUALS = 16;
    /** 8 families of a guardian and 2 children, and 16 people on their own: 8 × 3 + 16 = 40. */
    private static final int EVERYONE = FAMILIES * (1 + CHILDREN_PER_FAMILY) + INDIVIDUALS;

    @Test
    @DisplayName("a register of 40 people, families and individuals, is recorded in one request and shows all 40")
    void forty_people_in_one_request() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String programme = launchProgramme("kent-admin", "Community Hub", today.minusDays(30), today.plusDays(30), "[]");
        List<String> guardians = registerAll("kent-staff",
                IntStream.range(0, FAMILIES).mapToObj(family -> someone("Margate", 1985 + family)).toList());
        List<String> individuals = registerAll("kent-staff",
                IntStream.range(0, INDIVIDUALS).mapToObj(person -> someone("Margate", 1950 + person)).toList());
        List<String> children = registerAll("kent-staff", IntStream.range(0, FAMILIES * CHILDREN_PER_FAMILY)
                .mapToObj(child -> """
                        {"fullName":"Hub Child %d","birthYear":%d,"town":"Margate","guardianId":"%s",
                         "consents":[{"purpose":"programme-records","givenBy":"guardian"}]}"""
                        .formatted(child, 2016 + child % 5, guardians.get(child / CHILDREN_PER_FAMILY)))
                .toList());
        List<Map<String, Object>> families = new ArrayList<>();
        for (int family = 0; family < FAMILIES; family++) {
            families.add(Map.of("guardianId", guardians.get(family), "childIds",
                    children.subList(family * CHILDREN_PER_FAMILY, (family + 1) * CHILDREN_PER_FAMILY)));
        }
        List<String> everyone = new ArrayList<>(guardians);
        everyone.addAll(children);
        everyone.addAll(individuals);
        assertThat(everyone).hasSize(EVERYONE).doesNotHaveDuplicates();

        HttpResponse<String> held = postJson("/api/sessions", "kent-staff", toJson(Map.of(
                "programmeId", programme, "kind", "COMMUNITY_EVENT", "title", "Community Hub open day",
                "town", "Margate", "date", today.minusDays(1).toString(), "facilitatorIds", List.of("kent-staff"),
                "participantIds", individuals, "families", families)));

        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
        JsonNode register = getJson("/api/sessions/" + json(held).get("id").asText(), "kent-staff");
        assertThat(elements(register.get("attendees")).stream().map(attendee -> attendee.get("participantId").asText()))
                .hasSize(EVERYONE).containsExactlyInAnyOrderElementsOf(everyone);
        assertThat(elements(register.get("attendees"))).noneMatch(attendee -> attendee.get("erased").asBoolean());
        assertThat(register.get("families")).hasSize(FAMILIES);
        JsonNode report = getJson("/api/programmes/" + programme + "/report", "kent-staff");
        assertThat(report.get("distinctParticipants").get("value").asLong()).isEqualTo(EVERYONE);
        assertThat(report.get("totalAttendances").asLong()).isEqualTo(EVERYONE);
        assertThat(report.get("eventsHeld").asLong()).isEqualTo(1);
    }
}
