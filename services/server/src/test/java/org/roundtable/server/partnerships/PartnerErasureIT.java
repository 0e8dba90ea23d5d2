package org.roundtable.server.partnerships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.ProblemType;

@DisplayName("Erasing one partner keeps the partnership in the figures and shows the person as erased")
class PartnerErasureIT extends PartnershipsApplicationTest {

    private static final String STAFF = "darmstadt-staff";

    @Test
    @DisplayName("after a partner's erasure the partnership still counts, reads [erased] for that partner, and the erased person cannot be paired again")
    void erasureOfOnePartner() {
        ensurePartnerReachGroups("darmstadt-admin");
        String programme = launchProgramme("darmstadt-admin", "Partnerschaften " + letters(6), daysAgo(90), daysAgo(-90));
        String localName = someName();
        String local = registerPerson(STAFF, localName, LOCAL);
        String leaving = registerPerson(STAFF, someName(), IMMIGRANT);
        String id = formed(STAFF, local, leaving, List.of("language-exchange"), programme, daysAgo(20)).get("id").asText();
        assertThat(logMeeting(STAFF, id, daysAgo(12), "walked through the district together").statusCode()).isEqualTo(201);
        JsonNode countsBefore = counts(STAFF, programme, daysAgo(30), daysAgo(0));
        assertThat(countsBefore.get("formed").asLong()).isEqualTo(1);
        Map<String, List<Long>> tallyBefore = purposeTally(STAFF);

        HttpResponse<String> erased = postJson("/api/participants/" + leaving + "/erasure", STAFF,
                "{\"reason\":\"request by the person\"}");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);

        String path = PARTNERSHIPS + "/" + id;
        await("the partnership shows the erased partner", () -> elements(getJson(path, STAFF).get("partners")).stream()
                .anyMatch(partner -> partner.get("erased").asBoolean()));
        JsonNode partnership = getJson(path, "darmstadt-auditor");
        assertThat(elements(partnership.get("partners")))
                .extracting(p -> p.get("participantId").asText(), p -> p.get("fullName").asText(),
                        p -> p.get("erased").asBoolean())
                .containsExactlyInAnyOrder(tuple(local, localName, false), tuple(leaving, "[erased]", true));
        assertThat(partnership.get("status").asText()).isEqualTo("active");
        assertThat(partnership.get("meetingCount").asInt()).isEqualTo(1);
        assertThat(getJson(path + "/meetings", STAFF).get("items").get(0).get("activity").asText())
                .as("free text about what happened is nobody's personal data and stays")
                .isEqualTo("walked through the district together");

        assertThat(counts(STAFF, programme, daysAgo(30), daysAgo(0))).isEqualTo(countsBefore);
        assertThat(purposeTally(STAFF)).isEqualTo(tallyBefore);
        JsonNode listed = getJson(PARTNERSHIPS + "?programmeId=" + programme, STAFF);
        assertThat(ids(listed.get("items"))).containsExactly(id);
        assertThat(elements(listed.get("items").get(0).get("partners")))
                .extracting(p -> p.get("fullName").asText()).containsExactlyInAnyOrder(localName, "[erased]");
        JsonNode ofLocal = getJson("/api/participants/" + local + "/partnerships", STAFF);
        assertThat(elements(ofLocal.get("items").get(0).get("partners")))
                .extracting(p -> p.get("fullName").asText()).containsExactlyInAnyOrder(localName, "[erased]");

        // the partnership can still be recorded on and ended; it keeps counting as ended
        assertThat(checkIn(STAFF, id, daysAgo(1), "needs-support", "one partner left the programme").statusCode())
                .isEqualTo(201);
        assertThat(end(STAFF, id, "dissolved", "one partner left the programme", daysAgo(0)).statusCode()).isEqualTo(204);
        assertThat(counts(STAFF, programme, daysAgo(30), daysAgo(0)).get("ended").asLong()).isEqualTo(1);

        String someoneElse = registerPerson(STAFF, someName(), LOCAL);
        TrackingToken mark = ledgerMark();
        assertProblem(form(STAFF, someoneElse, leaving, List.of("common-hobby"), programme, daysAgo(0)),
                ProblemType.RULE_VIOLATION);
        assertThat(eventsWrittenBy(mark, STAFF)).isEmpty();
    }
}
