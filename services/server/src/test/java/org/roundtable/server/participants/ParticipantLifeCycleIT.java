package org.roundtable.server.participants;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.ProblemType;
import org.roundtable.ledger.seal.Sealer;
import org.roundtable.ledger.seal.VerificationResult;
import org.roundtable.ledger.seal.Verifier;
import org.roundtable.participants.api.ParticipantCorrected;
import org.roundtable.participants.api.ParticipantRegistered;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("A participant's life cycle, from registration to erasure, as kent's staff")
class ParticipantLifeCycleIT extends ParticipantsApplicationTest {

    @Autowired
    MongoClient mongoClient;
    @Autowired
    Sealer sealer;
    @Autowired
    Verifier verifier;

    @Test
    @DisplayName("staff register a household, search, correct, record consent, export and erase a child, "
            + "whose data is then stored nowhere readable while the ledger still verifies")
    void the_whole_life_cycle() {
        String suffix = letters(8);
        String roma = "roma-" + suffix;
        String parents = "parents-" + suffix;
        String town = "Folkestone " + capitalized(suffix);
        String guardianName = "Mara Lakatos" + capitalized(letters(8));
        String childName = "Ana Lakatos" + capitalized(letters(8));
        String correctedName = "Anna Lakatos" + capitalized(letters(8));
        String gender = "gender-" + letters(10);
        LocalDate birthDate = LocalDate.of(2016 + ThreadLocalRandom.current().nextInt(4),
                1 + ThreadLocalRandom.current().nextInt(12), 1 + ThreadLocalRandom.current().nextInt(28));

        // an admin defines the agency's reach groups; a code is defined once
        defineReachGroup("kent-admin", roma, "Roma community");
        defineReachGroup("kent-admin", parents, "Parents of young children");
        assertProblem(postJson("/api/reach-groups", "kent-admin",
                "{\"code\":\"%s\",\"label\":\"Again\"}".formatted(roma)), ProblemType.CONFLICT);
        JsonNode groups = json(get("/api/reach-groups", "kent-staff")).get("items");
        assertThat(StreamSupport.stream(groups.spliterator(), false)
                .filter(group -> group.get("code").asText().equals(roma))
                .map(group -> group.get("label").asText())).containsExactly("Roma community");

        // a household: the guardian first, then the child with a link to them
        String guardianId = register("kent-staff", """
                {"fullName":"%s","birthYear":1990,"gender":"female","countryOfOrigin":"SK","languages":["rom","sk"],
                 "town":"%s","reachGroups":["%s","%s"],
                 "consents":[{"purpose":"special-category","givenBy":"self"},{"purpose":"programme-records","givenBy":"self"}]}
                """.formatted(guardianName, town, roma, parents));
        String childId = randomId();
        HttpResponse<String> registered = postJson(PARTICIPANTS, "kent-staff", """
                {"id":"%s","fullName":"%s","birthDate":"%s","birthYear":%d,"gender":"%s","countryOfOrigin":"SK",
                 "languages":["rom","sk"],"town":"%s","guardianId":"%s","reachGroups":["%s"],
                 "consents":[{"purpose":"special-category","givenBy":"guardian"},
                             {"purpose":"programme-records","givenBy":"guardian"}]}
                """.formatted(childId, childName, birthDate, birthDate.getYear(), gender, town, guardianId, roma));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(registered.headers().firstValue("Location")).hasValue("/api/participants/" + childId);
        assertThat(json(registered).get("id").asText()).isEqualTo(childId);
        assertThat(historyTypes(childId))
                .containsExactly("ParticipantRegistered", "ConsentGiven", "ConsentGiven");

        // read with its ETag: the version the write answered
        HttpResponse<String> readChild = get(participant(childId), "kent-staff");
        assertThat(readChild.statusCode()).isEqualTo(200);
        assertThat(etag(readChild)).isEqualTo(etag(registered)).isEqualTo("\"2\"");
        JsonNode child = json(readChild);
        assertThat(child.get("fullName").asText()).isEqualTo(childName);
        assertThat(child.get("birthDate").asText()).isEqualTo(birthDate.toString());
        assertThat(child.get("birthYear").asInt()).isEqualTo(birthDate.getYear());
        assertThat(child.get("gender").asText()).isEqualTo(gender);
        assertThat(child.get("guardianId").asText()).isEqualTo(guardianId);
        assertThat(texts(child.get("languages"))).containsExactly("rom", "sk");
        assertThat(texts(child.get("reachGroups"))).containsExactly(roma);
        assertThat(child.get("erased").asBoolean()).isFalse();
        assertThat(child.get("version").asLong()).isEqualTo(2);
        assertThat(StreamSupport.stream(child.get("consents").spliterator(), false)
                .map(consent -> consent.get("purpose").asText() + "/" + consent.get("givenBy").asText()
                        + "/" + consent.get("recordedBy").asText()))
                .containsExactlyInAnyOrder("special-category/guardian/kent-staff",
                        "programme-records/guardian/kent-staff");
        assertThat(texts(json(get(participant(guardianId) + "/export", "kent-staff"))
                .get("household").get("dependantIds"))).containsExactly(childId);

        // list, search and filter, with paging
        JsonNode inTown = json(get(PARTICIPANTS + "?town=" + encode(town), "kent-staff"));
        assertThat(inTown.get("total").asLong()).isEqualTo(2);
        assertThat(itemIds(inTown)).containsExactlyInAnyOrder(guardianId, childId);
        JsonNode firstPage = json(get(PARTICIPANTS + "?town=" + encode(town) + "&page=0&size=1", "kent-staff"));
        JsonNode secondPage = json(get(PARTICIPANTS + "?town=" + encode(town) + "&page=1&size=1", "kent-staff"));
        assertThat(firstPage.get("total").asLong()).isEqualTo(2);
        assertThat(firstPage.get("size").asInt()).isEqualTo(1);
        assertThat(secondPage.get("page").asInt()).isEqualTo(1);
        assertThat(List.of(itemIds(firstPage).get(0), itemIds(secondPage).get(0)))
                .containsExactly(childId, guardianId); // sorted by name: Ana before Mara
        JsonNode byName = json(get(PARTICIPANTS + "?name=" + encode(childName.substring(4).toUpperCase()), "kent-staff"));
        assertThat(itemIds(byName)).containsExactly(childId);
        JsonNode summary = byName.get("items").get(0);
        assertThat(summary.get("fullName").asText()).isEqualTo(childName);
        assertThat(summary.get("birthYear").asInt()).isEqualTo(birthDate.getYear());
        assertThat(summary.get("town").asText()).isEqualTo(town);
        assertThat(summary.get("erased").asBoolean()).isFalse();
        assertThat(itemIds(json(get(PARTICIPANTS + "?reachGroup=" + parents, "kent-staff"))))
                .containsExactly(guardianId);
        assertThat(itemIds(json(get(PARTICIPANTS + "?reachGroup=" + roma + "&town=" + encode(town), "kent-staff"))))
                .containsExactlyInAnyOrder(guardianId, childId);

        // a correction needs the current ETag
        HttpResponse<String> corrected = patchJson(participant(childId), "kent-staff", """
                {"fullName":"%s","languages":["rom","en"],"reason":"spelling of the name"}""".formatted(correctedName),
                "Content-Type", "application/merge-patch+json", "If-Match", etag(readChild));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(etag(corrected)).isEqualTo("\"3\"");
        assertThat(json(corrected).get("fullName").asText()).isEqualTo(correctedName);
        assertThat(texts(json(corrected).get("languages"))).containsExactly("rom", "en");
        assertThat(json(corrected).get("gender").asText()).as("a field the patch leaves out stays").isEqualTo(gender);
        HttpResponse<String> afterCorrection = get(participant(childId), "kent-staff");
        assertThat(etag(afterCorrection)).isEqualTo(etag(corrected));
        assertThat(json(afterCorrection).get("fullName").asText()).isEqualTo(correctedName);
        ParticipantCorrected correction = (ParticipantCorrected) history(childId).get(3).getPayload();
        assertThat(correction.reason()).isEqualTo("spelling of the name");
        assertThat(correction.gender()).isNull();

        long beforeStale = eventCount();
        assertProblem(patchJson(participant(childId), "kent-staff", "{\"town\":\"Dover\"}",
                "If-Match", etag(readChild)), ProblemType.PRECONDITION_FAILED);
        assertProblem(patchJson(participant(childId), "kent-staff", "{\"town\":\"Dover\"}"),
                ProblemType.PRECONDITION_REQUIRED);
        assertThat(eventCount()).isEqualTo(beforeStale);
        assertThat(json(get(participant(childId), "kent-staff")).get("town").asText()).isEqualTo(town);

        // consent is given and withdrawn as events; withdrawing special-category drops the reach groups
        HttpResponse<String> photos = postJson(participant(childId) + "/consents", "kent-staff",
                "{\"purpose\":\"photos\",\"givenBy\":\"guardian\"}");
        assertThat(photos.statusCode()).as(photos.body()).isEqualTo(204);
        assertThat(etag(photos)).isEqualTo("\"4\"");
        assertThat(consentPurposes(read(childId, "kent-staff")))
                .containsExactlyInAnyOrder("special-category", "programme-records", "photos");

        HttpResponse<String> withdrawn = delete(participant(childId) + "/consents/special-category", "kent-staff");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(204);
        assertThat(etag(withdrawn)).isEqualTo("\"6\"");
        JsonNode afterWithdrawal = read(childId, "kent-staff");
        assertThat(consentPurposes(afterWithdrawal)).containsExactlyInAnyOrder("programme-records", "photos");
        assertThat(afterWithdrawal.get("reachGroups")).isEmpty();
        assertThat(itemIds(json(get(PARTICIPANTS + "?reachGroup=" + roma + "&town=" + encode(town), "kent-staff"))))
                .containsExactly(guardianId);
        assertThat(historyTypes(childId)).endsWith("ConsentGiven", "ConsentWithdrawn", "ReachGroupsDropped");
        assertProblem(delete(participant(childId) + "/consents/special-category", "kent-staff"),
                ProblemType.RULE_VIOLATION);

        // the subject-access export holds everything, including the consent history
        JsonNode export = json(get(participant(childId) + "/export", "kent-staff"));
        assertThat(export.get("participantId").asText()).isEqualTo(childId);
        assertThat(export.get("erased").asBoolean()).isFalse();
        assertThat(export.get("fullName").asText()).isEqualTo(correctedName);
        assertThat(export.get("birthDate").asText()).isEqualTo(birthDate.toString());
        assertThat(export.get("gender").asText()).isEqualTo(gender);
        assertThat(export.get("registeredBy").asText()).isEqualTo("kent-staff");
        assertThat(export.get("lastCorrectedAt").isNull()).isFalse();
        assertThat(export.get("household").get("guardianId").asText()).isEqualTo(guardianId);
        assertThat(export.get("version").asLong()).isEqualTo(6);
        JsonNode specialCategory = StreamSupport.stream(export.get("consents").spliterator(), false)
                .filter(consent -> consent.get("purpose").asText().equals("special-category"))
                .findFirst().orElseThrow();
        assertThat(specialCategory.get("withdrawn").asBoolean()).isTrue();
        assertThat(specialCategory.get("withdrawnBy").asText()).isEqualTo("kent-staff");
        assertThat(export.get("consents")).hasSize(3);

        // the scanner finds what is there, so its silence after erasure means something
        RawStoreScanner scanner = new RawStoreScanner(mongoClient);
        List<String> personalData = List.of(childName, correctedName, birthDate.toString(), gender);
        assertThat(List.of(correctedName, birthDate.toString(), gender))
                .allSatisfy(value -> assertThat(scanner.findAll(List.of(value))).isNotEmpty());

        // erasure: idempotent, and the person still counts
        long beforeErasure = eventCount();
        HttpResponse<String> erased = postJson(participant(childId) + "/erasure", "kent-staff",
                "{\"reason\":\"request by the guardian\"}");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
        assertThat(etag(erased)).isEqualTo("\"7\"");
        HttpResponse<String> erasedAgain = send(request(participant(childId) + "/erasure", "kent-staff")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(erasedAgain.statusCode()).as(erasedAgain.body()).isEqualTo(204);
        assertThat(etag(erasedAgain)).isEqualTo("\"7\"");
        assertThat(eventCount()).isEqualTo(beforeErasure + 1);

        JsonNode gone = read(childId, "kent-staff");
        assertThat(gone.get("fullName").asText()).isEqualTo("[erased]");
        assertThat(gone.get("birthDate").isNull()).isTrue();
        assertThat(gone.get("gender").isNull()).isTrue();
        assertThat(gone.get("erased").asBoolean()).isTrue();
        assertThat(gone.get("birthYear").asInt()).isEqualTo(birthDate.getYear());
        assertThat(gone.get("town").asText()).isEqualTo(town);
        JsonNode erasedExport = json(get(participant(childId) + "/export", "kent-staff"));
        assertThat(erasedExport.get("erased").asBoolean()).isTrue();
        assertThat(erasedExport.get("erasedAt").isNull()).isFalse();
        assertThat(erasedExport.get("erasureReason").asText()).isEqualTo("request by the guardian");
        assertThat(erasedExport.get("fullName").asText()).isEqualTo("[erased]");
        assertThat(erasedExport.get("birthDate").isNull()).isTrue();
        assertThat(erasedExport.get("gender").isNull()).isTrue();
        JsonNode stillCounted = json(get(PARTICIPANTS + "?town=" + encode(town), "kent-staff"));
        assertThat(stillCounted.get("total").asLong()).isEqualTo(2);
        JsonNode erasedSummary = StreamSupport.stream(stillCounted.get("items").spliterator(), false)
                .filter(item -> item.get("id").asText().equals(childId)).findFirst().orElseThrow();
        assertThat(erasedSummary.get("erased").asBoolean()).isTrue();
        assertThat(erasedSummary.get("fullName").asText()).isEqualTo("[erased]");
        assertThat(json(get(PARTICIPANTS + "?name=" + encode(correctedName), "kent-staff")).get("total").asLong())
                .isZero();
        assertProblem(postJson(participant(childId) + "/consents", "kent-staff",
                "{\"purpose\":\"photos\",\"givenBy\":\"self\"}"), ProblemType.CONFLICT);

        // nothing readable is left anywhere in the store, and the history itself is unreadable too
        assertThat(scanner.findAll(personalData)).isEmpty();
        assertThat(scanner.findAll(List.of(guardianName))).as("the guardian is not erased").isNotEmpty();
        ParticipantRegistered registration = (ParticipantRegistered) history(childId).get(0).getPayload();
        assertThat(registration.fullName()).isNull();
        assertThat(registration.birthDate()).isNull();
        assertThat(registration.gender()).isNull();
        assertThat(registration.birthYear()).isEqualTo(birthDate.getYear());
        assertThat(registration.town()).isEqualTo(town);

        // erasure kept the history's shape: the whole chain still verifies
        long lastPosition = lastPosition();
        await("the sealer reached the last event", () -> sealer.sealAvailable().position() >= lastPosition);
        VerificationResult verification = verifier.verifyAll();
        assertThat(verification.ok()).as(verification.detail()).isTrue();
        assertThat(verification.verifiedThrough()).isGreaterThanOrEqualTo(lastPosition);
    }

    @Test
    @DisplayName("an If-Match naming a version the participant does not have is a 412 problem, not a correction")
    void an_if_match_ahead_of_the_current_version_is_refused() {
        String id = registerSomeone("kent-staff", "Margate " + capitalized(letters(6)));
        long before = eventCount();

        HttpResponse<String> response = patchJson(participant(id), "kent-staff", "{\"town\":\"Dover\"}",
                "If-Match", "\"7\"");

        assertProblem(response, ProblemType.PRECONDITION_FAILED);
        assertThat(eventCount()).isEqualTo(before);
        assertProblem(patchJson(participant(id), "kent-staff", "{\"town\":\"Dover\"}", "If-Match", "W/\"0\""),
                ProblemType.PRECONDITION_FAILED);
    }

    private long lastPosition() {
        try (var stream = events.readEvents(null, false)) {
            return stream.map(TrackedEventMessage::trackingToken)
                    .mapToLong(token -> token.position().orElseThrow())
                    .max().orElseThrow();
        }
    }

    private static List<String> consentPurposes(JsonNode participant) {
        return StreamSupport.stream(participant.get("consents").spliterator(), false)
                .map(consent -> consent.get("purpose").asText()).toList();
    }
}
