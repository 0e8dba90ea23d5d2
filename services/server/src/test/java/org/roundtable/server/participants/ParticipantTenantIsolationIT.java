package org.roundtable.server.participants;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.ProblemType;
import org.roundtable.participants.api.ParticipantRegistered;

@DisplayName("An agency never sees or touches another agency's participants")
class ParticipantTenantIsolationIT extends ParticipantsApplicationTest {

    private String darmstadtCode;
    private String darmstadtName;
    private String darmstadtTown;
    private String darmstadtId;

    @BeforeEach
    void a_darmstadt_participant_with_consents_and_a_reach_group() {
        darmstadtCode = "partners-" + letters(8);
        darmstadtName = "Ilse Kranich" + capitalized(letters(8));
        darmstadtTown = "Kranichstein " + capitalized(letters(6));
        defineReachGroup("darmstadt-admin", darmstadtCode, "Integration partners");
        darmstadtId = register("darmstadt-staff", """
                {"fullName":"%s","birthYear":1975,"town":"%s","reachGroups":["%s"],
                 "consents":[{"purpose":"special-category","givenBy":"self"},{"purpose":"photos","givenBy":"self"}]}
                """.formatted(darmstadtName, darmstadtTown, darmstadtCode));
    }

    /** Every endpoint that names a participant by id, as a call by a client on an id. */
    private Map<String, BiFunction<String, String, HttpResponse<String>>> endpoints() {
        return Map.of(
                "GET participant", (client, id) -> get(participant(id), client),
                "PATCH participant", (client, id) -> patchJson(participant(id), client, "{\"town\":\"Dover\"}",
                        "If-Match", "\"0\""),
                "POST consent", (client, id) -> postJson(participant(id) + "/consents", client,
                        "{\"purpose\":\"photos\",\"givenBy\":\"self\"}"),
                "DELETE consent", (client, id) -> delete(participant(id) + "/consents/photos", client),
                "GET export", (client, id) -> get(participant(id) + "/export", client),
                "POST erasure", (client, id) -> postJson(participant(id) + "/erasure", client,
                        "{\"reason\":\"asked by someone\"}"));
    }

    @Test
    @DisplayName("another agency's participant answers every endpoint exactly like a random id, and nothing changes")
    void another_agencys_participant_looks_missing_on_every_endpoint() {
        HttpResponse<String> before = get(participant(darmstadtId), "darmstadt-staff");
        long eventsBefore = eventCount();
        int historyBefore = history(darmstadtId).size();

        List<String> differences = new ArrayList<>();
        for (String client : List.of("kent-staff", "kent-admin", "kent-auditor")) {
            endpoints().forEach((name, call) -> {
                HttpResponse<String> foreign = call.apply(client, darmstadtId);
                HttpResponse<String> missing = call.apply(client, randomId());
                boolean write = !name.startsWith("GET");
                ProblemType expected = write && client.equals("kent-auditor") ? ProblemType.FORBIDDEN
                        : ProblemType.NOT_FOUND;
                assertProblem(foreign, expected);
                assertProblem(missing, expected);
                if (!problemWithoutInstance(foreign).equals(problemWithoutInstance(missing))) {
                    differences.add(client + " " + name + ": " + foreign.body() + " vs " + missing.body());
                }
            });
        }

        HttpResponse<String> after = get(participant(darmstadtId), "darmstadt-staff");
        assertThat(etag(after)).isEqualTo(etag(before));
        assertThat(json(after)).isEqualTo(json(before));
        assertThat(history(darmstadtId)).hasSize(historyBefore);
        assertThat(eventCount()).isEqualTo(eventsBefore);
        ParticipantRegistered registration = (ParticipantRegistered) history(darmstadtId).get(0).getPayload();
        assertThat(registration.fullName()).as("their key survived kent's erasure requests").isEqualTo(darmstadtName);
        assertThat(differences).as("answers that tell another agency's participant from a missing one").isEmpty();
    }

    @Test
    @DisplayName("another agency's participant never appears in a listing or search")
    void another_agencys_participant_is_never_listed() {
        assertThat(itemIds(json(get(PARTICIPANTS + "?town=" + encode(darmstadtTown), "darmstadt-staff"))))
                .as("darmstadt itself finds them").containsExactly(darmstadtId);

        for (String client : List.of("kent-staff", "kent-admin", "kent-auditor")) {
            for (String filter : List.of("name=" + encode(darmstadtName.substring(5)), "town=" + encode(darmstadtTown),
                    "reachGroup=" + darmstadtCode)) {
                JsonNode page = json(get(PARTICIPANTS + "?" + filter, client));
                assertThat(page.get("total").asLong()).as(client + " " + filter).isZero();
                assertThat(page.get("items")).isEmpty();
            }
            assertThat(allListed(client)).doesNotContain(darmstadtId);
        }
    }

    @Test
    @DisplayName("registering with another agency's participant id or as their dependant changes nothing there")
    void another_agencys_participant_cannot_be_overwritten_or_referenced() {
        HttpResponse<String> before = get(participant(darmstadtId), "darmstadt-staff");
        int historyBefore = history(darmstadtId).size();
        long eventsBefore = eventCount();

        try {
            HttpResponse<String> sameId = postJson(PARTICIPANTS, "kent-staff", """
                    {"id":"%s","fullName":"Someone Else","birthYear":1980}""".formatted(darmstadtId));
            assertProblem(sameId, ProblemType.CONFLICT);
            assertThat(eventCount()).isEqualTo(eventsBefore);
        } finally {
            awaitReadersPassedRefusedAppends();
        }
        eventsBefore = eventCount();

        HttpResponse<String> foreignGuardian = postJson(PARTICIPANTS, "kent-staff", """
                {"fullName":"A Child","birthYear":2020,"guardianId":"%s"}""".formatted(darmstadtId));
        HttpResponse<String> missingGuardian = postJson(PARTICIPANTS, "kent-staff", """
                {"fullName":"A Child","birthYear":2020,"guardianId":"%s"}""".formatted(randomId()));
        assertProblem(foreignGuardian, ProblemType.RULE_VIOLATION);
        assertThat(problemWithoutInstance(foreignGuardian)).isEqualTo(problemWithoutInstance(missingGuardian));

        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(history(darmstadtId)).hasSize(historyBefore);
        HttpResponse<String> after = get(participant(darmstadtId), "darmstadt-staff");
        assertThat(etag(after)).isEqualTo(etag(before));
        assertThat(json(after)).isEqualTo(json(before));
    }

    @Test
    @DisplayName("a reach group is known only to the agency that defined it")
    void reach_group_codes_belong_to_one_agency() {
        String kentCode = "roma-" + letters(8);
        defineReachGroup("kent-admin", kentCode, "Roma community");
        long eventsBefore = eventCount();

        HttpResponse<String> response = postJson(PARTICIPANTS, "darmstadt-staff", """
                {"fullName":"Jana Nowak","birthYear":1990,"reachGroups":["%s"],
                 "consents":[{"purpose":"special-category","givenBy":"self"}]}""".formatted(kentCode));

        assertProblem(response, ProblemType.RULE_VIOLATION);
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertProblem(get("/api/reach-groups/" + kentCode, "darmstadt-admin"), ProblemType.NOT_FOUND);
        assertThat(json(get("/api/reach-groups", "darmstadt-staff")).get("items").findValuesAsText("code"))
                .doesNotContain(kentCode).contains(darmstadtCode);
        assertThat(json(get("/api/reach-groups", "kent-staff")).get("items").findValuesAsText("code"))
                .contains(kentCode).doesNotContain(darmstadtCode);
        // codes are per agency, so darmstadt may define the same code for itself
        defineReachGroup("darmstadt-admin", kentCode, "Roma community in Kranichstein");
    }

    private List<String> allListed(String client) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode listing = json(get(PARTICIPANTS + "?size=200&page=" + page, client));
            ids.addAll(itemIds(listing));
            if (listing.get("items").size() < 200) {
                assertThat((long) ids.size()).isEqualTo(listing.get("total").asLong());
                return ids;
            }
        }
    }
}
