package org.roundtable.server.partnerships;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roundtable.kernel.ProblemType;

@DisplayName("Who may do what with organisations and partnerships")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnershipRolesIT extends PartnershipsApplicationTest {

    private String programme;
    private String association;
    private String local;
    private String immigrant;
    private String partnership;

    @BeforeAll
    void darmstadtHasAnAssociationAndAPartnership() {
        ensurePartnerReachGroups("darmstadt-admin");
        programme = launchProgramme("darmstadt-admin", "Rollen " + letters(6), daysAgo(60), daysAgo(-60));
        association = registerOrganisation("darmstadt-admin", "Verein " + capitalized(letters(8)), "migrant-association",
                "Darmstadt", "chair of the board");
        local = registerPerson("darmstadt-staff", someName(), LOCAL);
        immigrant = registerPerson("darmstadt-staff", someName(), IMMIGRANT);
        partnership = formed("darmstadt-staff", local, immigrant, List.of("everyday-support"), programme, daysAgo(10))
                .get("id").asText();
    }

    private List<String> reads() {
        return List.of(ORGANISATIONS, ORGANISATIONS + "/" + association, ORGANISATIONS + "/" + association + "/development",
                PARTNERSHIPS, PARTNERSHIPS + "/" + partnership, PARTNERSHIPS + "/" + partnership + "/meetings",
                PARTNERSHIPS + "/purposes",
                PARTNERSHIPS + "/counts?programmeId=" + programme + "&from=" + daysAgo(30) + "&to=" + daysAgo(0),
                "/api/participants/" + local + "/partnerships");
    }

    /** Every write, as method, path and a valid body. */
    private Map<String, String[]> organisationWrites() {
        LocalDate day = daysAgo(1);
        return Map.of(
                "register", new String[] {"POST", ORGANISATIONS, toJson(Map.of("name", "Schule " + letters(6),
                        "kind", "primary-school"))},
                "update", new String[] {"PUT", ORGANISATIONS + "/" + association, toJson(Map.of("name", "Renamed",
                        "kind", "migrant-association"))},
                "archive", new String[] {"POST", ORGANISATIONS + "/" + association + "/archive", "{\"reason\":\"done\"}"},
                "support", new String[] {"POST", ORGANISATIONS + "/" + association + "/support", toJson(Map.of(
                        "kind", "advice", "date", day.toString(), "note", "advice on statutes"))},
                "milestone", new String[] {"POST", ORGANISATIONS + "/" + association + "/milestones", toJson(Map.of(
                        "milestone", "other", "date", day.toString(), "evidence", "a newsletter"))});
    }

    private Map<String, String[]> partnershipWrites() {
        LocalDate day = daysAgo(1);
        return Map.of(
                "form", new String[] {"POST", PARTNERSHIPS, toJson(Map.of("firstPartnerId", local,
                        "secondPartnerId", immigrant, "purposes", List.of("other"), "programmeId", programme,
                        "formedOn", day.toString()))},
                "meeting", new String[] {"POST", PARTNERSHIPS + "/" + partnership + "/meetings", toJson(Map.of(
                        "date", day.toString(), "activity", "a walk"))},
                "check-in", new String[] {"POST", PARTNERSHIPS + "/" + partnership + "/check-ins", toJson(Map.of(
                        "date", day.toString(), "assessment", "on-track"))},
                "end", new String[] {"POST", PARTNERSHIPS + "/" + partnership + "/end", toJson(Map.of(
                        "outcome", "dissolved", "reason", "done", "endedOn", day.toString()))});
    }

    private HttpResponse<String> write(String client, String[] write) {
        return sendWithBody(write[0], write[1], client, write[2], "If-Match", "\"0\"");
    }

    @Test
    @DisplayName("an auditor reads everything and writes nothing")
    void auditorsReadOnly() {
        for (String path : reads()) {
            assertThat(get(path, "darmstadt-auditor").statusCode()).as(path).isEqualTo(200);
        }
        TrackingToken mark = ledgerMark();
        List<String> allowed = new ArrayList<>();
        Map<String, String[]> writes = new java.util.HashMap<>(organisationWrites());
        writes.putAll(partnershipWrites());
        writes.forEach((name, write) -> {
            HttpResponse<String> response = write("darmstadt-auditor", write);
            if (response.statusCode() != 403) {
                allowed.add(name + ": " + response.statusCode() + " " + response.body());
            } else {
                assertProblem(response, ProblemType.FORBIDDEN);
            }
        });
        assertThat(allowed).isEmpty();
        assertThat(eventsWrittenBy(mark, "darmstadt-auditor")).isEmpty();
    }

    @Test
    @DisplayName("the platform operator is refused every read and write")
    void operatorSeesNothing() {
        List<String> allowed = new ArrayList<>();
        for (String path : reads()) {
            HttpResponse<String> response = get(path, "operator");
            if (response.statusCode() != 403) {
                allowed.add("GET " + path + ": " + response.statusCode());
            }
        }
        Map<String, String[]> writes = new java.util.HashMap<>(organisationWrites());
        writes.putAll(partnershipWrites());
        writes.forEach((name, write) -> {
            HttpResponse<String> response = write("operator", write);
            if (response.statusCode() != 403) {
                allowed.add(name + ": " + response.statusCode());
            }
        });
        assertThat(allowed).isEmpty();
    }

    @Test
    @DisplayName("staff read organisations but cannot register or change them, and they record on partnerships")
    void staffWorkWithPartnershipsNotWithTheRegistry() {
        assertThat(get(ORGANISATIONS + "/" + association, "darmstadt-staff").statusCode()).isEqualTo(200);
        TrackingToken mark = ledgerMark();
        organisationWrites().forEach((name, write) ->
                assertProblem(write("darmstadt-staff", write), ProblemType.FORBIDDEN));
        assertThat(eventsWrittenBy(mark, "darmstadt-staff")).isEmpty();
        HttpResponse<String> meeting = write("darmstadt-staff", partnershipWrites().get("meeting"));
        assertThat(meeting.statusCode()).as(meeting.body()).isEqualTo(201);
    }

    @Test
    @DisplayName("without a token every endpoint answers 401")
    void noTokenNoAccess() {
        for (String path : reads()) {
            HttpResponse<String> response = send(request(path).GET().build());
            assertProblem(response, ProblemType.UNAUTHENTICATED);
        }
        HttpResponse<String> register = send(request(ORGANISATIONS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"X\",\"kind\":\"other\"}")).build());
        assertProblem(register, ProblemType.UNAUTHENTICATED);
    }
}
