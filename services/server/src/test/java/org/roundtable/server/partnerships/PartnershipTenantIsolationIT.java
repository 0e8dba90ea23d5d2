package org.roundtable.server.partnerships;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

@DisplayName("An agency never sees or touches another agency's organisations and partnerships")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnershipTenantIsolationIT extends PartnershipsApplicationTest {

    private String darmstadtProgramme;
    private String darmstadtOrganisation;
    private String darmstadtLocal;
    private String darmstadtPartnership;
    private String kentProgramme;
    private String kentLocal;
    private String kentImmigrant;

    @BeforeAll
    void bothAgenciesRecordPartnerships() {
        ensurePartnerReachGroups("kent-admin");
        ensurePartnerReachGroups("darmstadt-admin");
        darmstadtProgramme = launchProgramme("darmstadt-admin", "Kranichstein " + letters(6), daysAgo(60), daysAgo(-60));
        darmstadtOrganisation = registerOrganisation("darmstadt-admin", "Verein " + capitalized(letters(8)),
                "migrant-association", "Darmstadt", "chair of the board");
        darmstadtLocal = registerPerson("darmstadt-staff", someName(), LOCAL);
        String darmstadtImmigrant = registerPerson("darmstadt-staff", someName(), IMMIGRANT);
        darmstadtPartnership = formed("darmstadt-staff", darmstadtLocal, darmstadtImmigrant, List.of("language-exchange"),
                darmstadtProgramme, daysAgo(10)).get("id").asText();
        assertThat(logMeeting("darmstadt-staff", darmstadtPartnership, daysAgo(5), "cooked together").statusCode())
                .isEqualTo(201);

        kentProgramme = launchProgramme("kent-admin", "Kent partnerships " + letters(6), daysAgo(60), daysAgo(-60));
        kentLocal = registerPerson("kent-staff", someName(), LOCAL);
        kentImmigrant = registerPerson("kent-staff", someName(), IMMIGRANT);
    }

    /** An endpoint as method, path (with {organisation}, {partnership} or {participant}) and body. */
    record Call(String method, String path, String body) {

        String fill(String organisation, String partnership, String participant) {
            return path.replace("{organisation}", organisation).replace("{partnership}", partnership)
                    .replace("{participant}", participant);
        }
    }

    private List<Call> calls() {
        LocalDate day = daysAgo(1);
        return List.of(
                new Call("GET", ORGANISATIONS + "/{organisation}", null),
                new Call("PUT", ORGANISATIONS + "/{organisation}", "{\"name\":\"Taken over\",\"kind\":\"charity\"}"),
                new Call("POST", ORGANISATIONS + "/{organisation}/archive", "{\"reason\":\"not ours\"}"),
                new Call("POST", ORGANISATIONS + "/{organisation}/support", toJson(Map.of("kind", "advice",
                        "date", day.toString(), "note", "advice"))),
                new Call("POST", ORGANISATIONS + "/{organisation}/milestones", toJson(Map.of("milestone",
                        "board-trained", "date", day.toString(), "evidence", "training held"))),
                new Call("GET", ORGANISATIONS + "/{organisation}/development", null),
                new Call("GET", PARTNERSHIPS + "/{partnership}", null),
                new Call("GET", PARTNERSHIPS + "/{partnership}/meetings", null),
                new Call("POST", PARTNERSHIPS + "/{partnership}/meetings", toJson(Map.of("date", day.toString(),
                        "activity", "a walk"))),
                new Call("POST", PARTNERSHIPS + "/{partnership}/check-ins", toJson(Map.of("date", day.toString(),
                        "assessment", "at-risk"))),
                new Call("POST", PARTNERSHIPS + "/{partnership}/end", toJson(Map.of("outcome", "dissolved",
                        "reason", "taken over", "endedOn", day.toString()))),
                new Call("GET", "/api/participants/{participant}/partnerships", null));
    }

    private HttpResponse<String> call(String client, Call call, String organisation, String partnership,
                                      String participant) {
        String path = call.fill(organisation, partnership, participant);
        if (call.body() == null) {
            return get(path, client);
        }
        return sendWithBody(call.method(), path, client, call.body(), "If-Match", "\"0\"");
    }

    @Test
    @DisplayName("every endpoint answers 404 for another agency's organisation, partnership or participant exactly as for random ids, and nothing changes")
    void anotherAgencysRecordsLookMissing() {
        HttpResponse<String> organisationBefore = get(ORGANISATIONS + "/" + darmstadtOrganisation, "darmstadt-staff");
        HttpResponse<String> partnershipBefore = get(PARTNERSHIPS + "/" + darmstadtPartnership, "darmstadt-staff");
        TrackingToken mark = ledgerMark();

        List<String> differences = new ArrayList<>();
        for (String client : List.of("kent-admin", "kent-staff")) {
            for (Call call : calls()) {
                HttpResponse<String> theirs = call(client, call, darmstadtOrganisation, darmstadtPartnership,
                        darmstadtLocal);
                HttpResponse<String> missing = call(client, call, randomId(), randomId(), randomId());
                boolean forbidden = client.equals("kent-staff") && call.path().startsWith(ORGANISATIONS)
                        && !call.method().equals("GET");
                int expected = forbidden ? 403 : 404;
                if (theirs.statusCode() != expected || missing.statusCode() != expected
                        || !problemWithoutInstance(theirs).equals(problemWithoutInstance(missing))) {
                    differences.add(client + " " + call.method() + " " + call.path() + ": theirs " + theirs.statusCode()
                            + " " + theirs.body() + " / random " + missing.statusCode() + " " + missing.body());
                }
            }
        }
        assertThat(differences).isEmpty();

        assertThat(eventsWrittenBy(mark, "kent-admin", "kent-staff")).as("nothing was written").isEmpty();
        assertThat(get(ORGANISATIONS + "/" + darmstadtOrganisation, "darmstadt-staff").body())
                .isEqualTo(organisationBefore.body());
        assertThat(get(PARTNERSHIPS + "/" + darmstadtPartnership, "darmstadt-staff").body())
                .isEqualTo(partnershipBefore.body());
    }

    @Test
    @DisplayName("lists, counts and tallies show another agency's partnerships and organisations nowhere")
    void listsAndFiguresStayWithinTheAgency() {
        for (String client : List.of("kent-admin", "kent-staff", "kent-auditor")) {
            JsonNode organisations = getJson(ORGANISATIONS + "?size=200&kind=migrant-association", client);
            assertThat(ids(organisations.get("items"))).doesNotContain(darmstadtOrganisation);
            assertThat(getJson(PARTNERSHIPS + "?participantId=" + darmstadtLocal, client).get("items")).isEmpty();
            assertThat(getJson(PARTNERSHIPS + "?programmeId=" + darmstadtProgramme, client).get("items")).isEmpty();
            JsonNode counts = counts(client, darmstadtProgramme, daysAgo(30), daysAgo(0));
            assertThat(List.of(counts.get("formed").asLong(), counts.get("active").asLong(),
                    counts.get("ended").asLong())).containsExactly(0L, 0L, 0L);
        }
        Map<String, List<Long>> kentTallyBefore = purposeTally("kent-auditor");
        Map<String, List<Long>> darmstadtTallyBefore = purposeTally("darmstadt-auditor");
        formed("darmstadt-staff", registerPerson("darmstadt-staff", someName(), LOCAL),
                registerPerson("darmstadt-staff", someName(), IMMIGRANT), List.of("common-hobby"), darmstadtProgramme,
                daysAgo(2));
        assertThat(purposeTally("kent-auditor")).isEqualTo(kentTallyBefore);
        assertThat(moved(darmstadtTallyBefore, purposeTally("darmstadt-auditor"), "common-hobby"))
                .containsExactly(1L, 0L);
        JsonNode theirCounts = counts("darmstadt-auditor", darmstadtProgramme, daysAgo(30), daysAgo(0));
        assertThat(theirCounts.get("formed").asLong()).as("the figures exist for their own agency").isEqualTo(2);
    }

    @Test
    @DisplayName("a partnership with another agency's participant or programme is refused like one with a random id, and nothing is stored")
    void noPartnershipAcrossAgencies() {
        TrackingToken mark = ledgerMark();
        HttpResponse<String> theirPartner = form("kent-staff", kentLocal, darmstadtLocal, List.of("language-exchange"),
                kentProgramme, daysAgo(1));
        HttpResponse<String> randomPartner = form("kent-staff", kentLocal, randomId(), List.of("language-exchange"),
                kentProgramme, daysAgo(1));
        assertProblem(theirPartner, ProblemType.RULE_VIOLATION);
        assertThat(problemWithoutInstance(theirPartner)).isEqualTo(problemWithoutInstance(randomPartner));

        HttpResponse<String> theirProgramme = form("kent-staff", kentLocal, kentImmigrant, List.of("common-hobby"),
                darmstadtProgramme, daysAgo(1));
        HttpResponse<String> randomProgramme = form("kent-staff", kentLocal, kentImmigrant, List.of("common-hobby"),
                randomId(), daysAgo(1));
        assertProblem(theirProgramme, ProblemType.RULE_VIOLATION);
        assertThat(problemWithoutInstance(theirProgramme)).isEqualTo(problemWithoutInstance(randomProgramme));
        assertThat(eventsWrittenBy(mark, "kent-staff")).as("refused formations leave nothing in the ledger").isEmpty();
        assertThat(getJson("/api/participants/" + darmstadtLocal + "/partnerships", "darmstadt-staff").get("items"))
                .hasSize(1);

        // the same kent partners with kent's own programme are accepted: the refusals above were about the references
        assertThat(formed("kent-staff", kentLocal, kentImmigrant, List.of("common-hobby"), kentProgramme, daysAgo(1))
                .get("warnings")).isEmpty();
    }

    @Test
    @DisplayName("an activity cannot name another agency's partner organisation, exactly as it cannot name a random one")
    void noActivityWithAnotherAgencysOrganisation() {
        String random = randomId();
        TrackingToken mark = ledgerMark();
        HttpResponse<String> theirs = postJson("/api/programmes/" + kentProgramme + "/activities", "kent-admin",
                activityWithPartners(daysAgo(30), List.of(darmstadtOrganisation)));
        HttpResponse<String> missing = postJson("/api/programmes/" + kentProgramme + "/activities", "kent-admin",
                activityWithPartners(daysAgo(30), List.of(random)));
        assertProblem(theirs, ProblemType.RULE_VIOLATION);
        assertThat(withoutId(problemWithoutInstance(theirs), darmstadtOrganisation))
                .isEqualTo(withoutId(problemWithoutInstance(missing), random));
        assertThat(eventsWrittenBy(mark, "kent-admin")).isEmpty();
    }

    /** The problem with an id it names replaced, so problems about two different ids compare equal. */
    private static JsonNode withoutId(JsonNode problem, String id) {
        ObjectNode copy = problem.deepCopy();
        copy.put("detail", copy.path("detail").asText().replace(id, "<id>"));
        return copy;
    }
}
