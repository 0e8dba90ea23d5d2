package org.roundtable.server.asof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roundtable.kernel.ProblemType;

/**
 * Krefeld's working group reviews a quarter; afterwards the chair records an action item and another decision
 * for a meeting of that quarter. The quarter as of the position the first view named is that view again, for
 * every member agency, and a non-member learns nothing.
 */
@DisplayName("A network's quarter as of an earlier position")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkQuarterAsOfIT extends AsOfApplicationTest {

    private String network;
    private String quarterPath;
    private String quarter;
    private JsonNode earlier;
    private long earlierPosition;
    private JsonNode later;

    @BeforeAll
    void theWorkingGroupMeetsAndTheChairAddsToTheRecordLater() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate meetingDay = today.minusDays(30);
        quarter = meetingDay.getYear() + "-Q" + ((meetingDay.getMonthValue() - 1) / 3 + 1);
        network = create("/api/networks", "krefeld-admin", toJson(Map.of("name", "Arbeitskreis " + randomId().substring(0, 8),
                "foundedOn", today.minusDays(100).toString(), "cadence", "QUARTERLY", "purpose", "Coordinate the work")));
        create("/api/networks/" + network + "/members", "krefeld-admin", toJson(Map.of("tenantId", "darmstadt",
                "role", "welfare organisation", "admittedOn", today.minusDays(100).toString())));
        String meeting = create("/api/networks/" + network + "/meetings", "krefeld-chair", toJson(Map.of(
                "date", meetingDay.toString(), "place", "Rathaus", "agenda", List.of("School attendance", "Housing"))));
        String meetingPath = "/api/networks/" + network + "/meetings/" + meeting;
        HttpResponse<String> held = postJson(meetingPath + "/held", "krefeld-chair",
                toJson(Map.of("present", List.of("krefeld", "darmstadt"), "minutes", "School attendance discussed")));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(204);
        create(meetingPath + "/decisions", "krefeld-chair", toJson(Map.of("agendaItemId", "1",
                "text", "Mediators visit the schools monthly")));
        quarterPath = "/api/networks/" + network + "/quarters/" + quarter;
        HttpResponse<String> first = quietLive(quarterPath, "krefeld-chair");
        earlier = json(first);
        earlierPosition = position(first);

        create(meetingPath + "/action-items", "krefeld-chair", toJson(Map.of("description",
                "Questionnaire in simple language", "ownerMemberId", "darmstadt", "dueOn", today.plusDays(30).toString())));
        create(meetingPath + "/decisions", "krefeld-chair", toJson(Map.of("agendaItemId", "2",
                "text", "The housing office reports next time")));
        later = json(quietLive(quarterPath, "krefeld-chair"));
    }

    @Test
    void the_quarter_as_of_the_position_an_earlier_view_named_is_that_view() {
        assertThat(later).isNotEqualTo(earlier);
        assertThat(later.get("decisions")).hasSize(2);
        assertThat(earlier.get("decisions")).hasSize(1);
        for (String reader : List.of("krefeld-chair", "darmstadt-staff")) {
            JsonNode answer = asOf("/api/as-of/networks/" + network + "/quarters/" + quarter + "?asOf=" + earlierPosition,
                    reader);
            assertThat(answer.get("asOfPosition").asLong()).isEqualTo(earlierPosition);
            assertThat(answer.get("result")).as(reader).isEqualTo(earlier);
        }
        JsonNode now = asOf("/api/as-of/networks/" + network + "/quarters/" + quarter + "?asOf=" + head(), "krefeld-admin");
        assertThat(now.get("result")).isEqualTo(later);
    }

    @Test
    void an_agency_that_is_not_a_member_learns_nothing_about_the_network() {
        HttpResponse<String> theirs = get("/api/as-of/networks/" + network + "/quarters/" + quarter + "?asOf="
                + earlierPosition, "kent-admin");
        HttpResponse<String> none = get("/api/as-of/networks/" + randomId() + "/quarters/" + quarter + "?asOf="
                + earlierPosition, "kent-admin");
        assertProblem(theirs, ProblemType.NOT_FOUND);
        assertProblem(none, ProblemType.NOT_FOUND);
        assertThat(json(theirs).get("detail")).isEqualTo(json(none).get("detail"));
    }
}
