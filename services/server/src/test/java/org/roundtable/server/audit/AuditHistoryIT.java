package org.roundtable.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roundtable.kernel.ProblemType;

@DisplayName("An auditor reads their agency's history from the ledger")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditHistoryIT extends AuditApplicationTest {

    private static final String ORGANISATION_REGISTERED = "org.roundtable.partnerships.api.OrganisationRegistered";

    private long start;
    private String kentOrganisation;
    private String kentPerson;
    private String kentLaterOrganisation;
    private String darmstadtOrganisation;
    private String darmstadtPerson;

    @BeforeAll
    void kentAndDarmstadtWorkInTurns() {
        start = headPosition();
        kentOrganisation = registerOrganisation("kent-admin", "Dover Food Bank " + capitalized(letters(6)));
        String etag = get("/api/organisations/" + kentOrganisation, "kent-admin").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> updated = sendWithBody("PUT", "/api/organisations/" + kentOrganisation, "kent-admin",
                toJson(Map.of("name", "Dover Community Pantry " + capitalized(letters(6)), "kind", "charity")),
                "If-Match", etag);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        darmstadtOrganisation = registerOrganisation("darmstadt-admin", "Kranichsteiner Tafel " + capitalized(letters(6)));
        kentPerson = registerParticipant("kent-staff", "Marika " + capitalized(letters(8)));
        darmstadtPerson = registerParticipant("darmstadt-staff", "Ilse " + capitalized(letters(8)));
        kentLaterOrganisation = registerOrganisation("kent-admin", "Margate Youth Club " + capitalized(letters(6)));
    }

    @Test
    @DisplayName("the history holds only the agency's own events, in ledger order, with who caused each and in which request")
    void onlyTheAgencysEventsInLedgerOrder() {
        List<JsonNode> history = history("kent-auditor", start, "", 500);

        assertThat(history).allSatisfy(event -> {
            assertThat(event.get("tenantId").asText()).isEqualTo("kent");
            assertThat(event.get("metadata").get("tenantId").asText()).isEqualTo("kent");
            assertThat(event.get("position").asLong()).isGreaterThan(start);
            assertThat(event.get("eventId").asText()).isNotBlank();
            assertThat(event.get("correlationId").asText()).isNotBlank();
            assertThat(event.get("actorId").asText()).startsWith("kent-");
        });
        List<Long> positions = history.stream().map(event -> event.get("position").asLong()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        List<String> aggregates = history.stream().map(event -> event.path("aggregateId").asText()).toList();
        assertThat(aggregates).contains(kentOrganisation, kentPerson, kentLaterOrganisation)
                .doesNotContain(darmstadtOrganisation, darmstadtPerson);
        assertThat(history.toString()).doesNotContain(darmstadtOrganisation).doesNotContain(darmstadtPerson)
                .doesNotContain("\"darmstadt\"");

        JsonNode registered = history.get(aggregates.indexOf(kentOrganisation));
        assertThat(registered.get("type").asText()).isEqualTo(ORGANISATION_REGISTERED);
        assertThat(registered.get("sequence").asLong()).isZero();
        assertThat(registered.get("actorId").asText()).isEqualTo("kent-admin");
        assertThat(registered.get("actorRole").asText()).isEqualTo("admin");
        assertThat(registered.get("metadata").get("actorId").asText()).isEqualTo("kent-admin");
        assertThat(registered.get("payload").get("organisationId").asText()).isEqualTo(kentOrganisation);
        JsonNode person = history.get(aggregates.indexOf(kentPerson));
        assertThat(person.get("actorId").asText()).isEqualTo("kent-staff");
        assertThat(person.get("correlationId").asText()).isNotEqualTo(registered.get("correlationId").asText());
        // written in this order, so the ledger holds them in this order
        assertThat(List.of(aggregates.indexOf(kentOrganisation), aggregates.indexOf(kentPerson),
                aggregates.indexOf(kentLaterOrganisation))).isSorted();

        List<JsonNode> theirs = history("darmstadt-auditor", start, "", 500);
        assertThat(theirs).isNotEmpty().allSatisfy(event -> assertThat(event.get("tenantId").asText()).isEqualTo("darmstadt"));
        assertThat(theirs.stream().map(event -> event.path("aggregateId").asText()).toList())
                .contains(darmstadtOrganisation, darmstadtPerson).doesNotContain(kentOrganisation, kentPerson);
    }

    @Test
    @DisplayName("pages continue after the position the previous page stopped at, and together they are the whole history")
    void pagingByPosition() {
        List<JsonNode> whole = history("kent-auditor", start, "", 500);
        assertThat(whole.size()).isGreaterThanOrEqualTo(4);
        long last = whole.get(whole.size() - 1).get("position").asLong();

        JsonNode first = getJson(EVENTS + "?afterPosition=" + start + "&limit=2", "kent-auditor");
        assertThat(elements(first.get("items"))).extracting(event -> event.get("position").asLong())
                .containsExactly(whole.get(0).get("position").asLong(), whole.get(1).get("position").asLong());
        assertThat(first.get("nextAfterPosition").asLong()).isEqualTo(whole.get(1).get("position").asLong());
        assertThat(first.get("hasMore").asBoolean()).isTrue();

        List<Long> paged = new ArrayList<>();
        long after = start;
        while (after < last) {
            JsonNode page = getJson(EVENTS + "?afterPosition=" + after + "&limit=2&toPosition=" + last, "kent-auditor");
            elements(page.get("items")).forEach(event -> paged.add(event.get("position").asLong()));
            assertThat(page.get("nextAfterPosition").asLong()).isGreaterThan(after);
            after = page.get("nextAfterPosition").asLong();
        }
        assertThat(paged).isEqualTo(whole.stream().map(event -> event.get("position").asLong()).toList());
    }

    @Test
    @DisplayName("the history filters by aggregate, by type (simple or full name) and by actor")
    void filters() {
        assertThat(history("kent-auditor", start, "&aggregateId=" + kentOrganisation, 500))
                .extracting(event -> simpleName(event.get("type").asText()), event -> event.get("sequence").asLong())
                .containsExactly(tuple("OrganisationRegistered", 0L), tuple("OrganisationUpdated", 1L));

        List<JsonNode> updates = history("kent-auditor", start, "&type=OrganisationUpdated", 500);
        assertThat(updates).extracting(event -> event.get("aggregateId").asText()).containsExactly(kentOrganisation);
        assertThat(history("kent-auditor", start, "&type=org.roundtable.partnerships.api.OrganisationUpdated", 500))
                .isEqualTo(updates);
        assertThat(history("kent-auditor", start, "&type=" + ORGANISATION_REGISTERED, 500))
                .extracting(event -> event.get("aggregateId").asText())
                .containsExactly(kentOrganisation, kentLaterOrganisation);

        List<JsonNode> byStaff = history("kent-auditor", start, "&actor=kent-staff", 500);
        assertThat(byStaff).isNotEmpty().allSatisfy(event -> assertThat(event.get("actorId").asText()).isEqualTo("kent-staff"));
        assertThat(byStaff).extracting(event -> event.get("aggregateId").asText())
                .contains(kentPerson).doesNotContain(kentOrganisation);
        assertThat(history("kent-auditor", start, "&actor=kent-admin", 500))
                .extracting(event -> event.get("aggregateId").asText())
                .contains(kentOrganisation, kentLaterOrganisation).doesNotContain(kentPerson);
        assertThat(history("kent-auditor", start, "&actor=kent-admin&aggregateId=" + kentPerson, 500)).isEmpty();

        assertThat(history("kent-auditor", start, "&aggregateId=" + darmstadtOrganisation, 500)).isEmpty();
        assertThat(history("kent-auditor", start, "&actor=darmstadt-admin", 500)).isEmpty();
        assertProblem(get(EVENTS + "?from=yesterday", "kent-auditor"), ProblemType.BAD_REQUEST);
    }

    @Test
    @DisplayName("an auditor sees [personal data] where an admin sees a name, and after erasure both see [erased]")
    void personalDataByRoleAndAfterErasure() {
        long before = headPosition();
        String name = "Zuzana " + capitalized(letters(9));
        String person = registerParticipant("kent-staff", name);

        JsonNode asAuditor = registrationOf(person, before, "kent-auditor");
        assertThat(asAuditor.get("payload").get("fullName").asText()).isEqualTo("[personal data]");
        assertThat(asAuditor.get("payload").get("town").asText()).isEqualTo("Folkestone");
        assertThat(asAuditor.get("payload").get("participantId").asText()).isEqualTo(person);
        assertThat(get(EVENTS + "?afterPosition=" + before + "&aggregateId=" + person, "kent-auditor").body())
                .doesNotContain(name);
        assertThat(registrationOf(person, before, "kent-admin").get("payload").get("fullName").asText()).isEqualTo(name);

        HttpResponse<String> erased = postJson("/api/participants/" + person + "/erasure", "kent-staff",
                "{\"reason\":\"request by the person\"}");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
        assertThat(registrationOf(person, before, "kent-admin").get("payload").get("fullName").asText())
                .isEqualTo("[erased]");
        assertThat(registrationOf(person, before, "kent-auditor").get("payload").get("fullName").asText())
                .isEqualTo("[erased]");
        assertThat(history("kent-auditor", before, "&aggregateId=" + person, 500))
                .extracting(event -> simpleName(event.get("type").asText())).contains("ParticipantErased");
        // erasure deleted a key, not an event: the chain over the stored events still verifies
        awaitSealedThrough(headPosition());
    }

    @Test
    @DisplayName("staff, the operator and a network chair are refused the history (403); without a token it is 401")
    void whoMayReadTheHistory() {
        for (String path : List.of(EVENTS, VERIFICATION, "/api/audit/export", "/api/audit/digests",
                "/api/audit/digests/public-key")) {
            for (String client : List.of("kent-staff", "operator", "krefeld-chair")) {
                assertProblem(get(path, client), ProblemType.FORBIDDEN);
            }
            assertProblem(send(request(path).GET().build()), ProblemType.UNAUTHENTICATED);
        }
        assertProblem(send(request("/api/audit/digests", "kent-staff").POST(HttpRequest.BodyPublishers.noBody()).build()),
                ProblemType.FORBIDDEN);
        assertProblem(send(request("/api/audit/digests", "operator").POST(HttpRequest.BodyPublishers.noBody()).build()),
                ProblemType.FORBIDDEN);
        assertThat(get(EVENTS + "?afterPosition=" + start + "&limit=1", "kent-admin").statusCode()).isEqualTo(200);
    }

    private JsonNode registrationOf(String participant, long after, String client) {
        List<JsonNode> found = history(client, after, "&aggregateId=" + participant + "&type=ParticipantRegistered", 500);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
