package org.roundtable.server.participants;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.DomainEventMessage;
import org.roundtable.server.testsupport.ApplicationTest;

/**
 * What the participants application tests share on top of {@link ApplicationTest} (same Spring context):
 * reach groups, registrations, reads, and counting the ledger's events. Every test makes its own
 * distinctive names, towns and codes, so tests never see each other's participants.
 */
abstract class ParticipantsApplicationTest extends ApplicationTest {

    static final String PARTICIPANTS = "/api/participants";

    /** Lower-case letters only: valid in reach-group codes and unlikely to occur in the store by chance. */
    static String letters(int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return text.toString();
    }

    static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static String encode(String queryValue) {
        return URLEncoder.encode(queryValue, StandardCharsets.UTF_8);
    }

    static String participant(String id) {
        return PARTICIPANTS + "/" + id;
    }

    /** Defines a reach group and expects it to be new. */
    void defineReachGroup(String client, String code, String label) {
        HttpResponse<String> response = postJson("/api/reach-groups", client,
                "{\"code\":\"%s\",\"label\":\"%s\"}".formatted(code, label));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** Registers a participant and answers its id, taken from the Location header. */
    String register(String client, String body) {
        HttpResponse<String> response = postJson(PARTICIPANTS, client, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** A minimal valid registration for someone in the given town. */
    String registerSomeone(String client, String town) {
        return register(client, """
                {"fullName":"%s %s","birthYear":1988,"town":"%s"}""".formatted(
                capitalized(letters(6)), capitalized(letters(8)), town));
    }

    /**
     * A registration refused by the ledger (an id already taken) leaves its reserved ledger position
     * empty, and readers wait for such a position until the ledger's gap timeout. Tests that provoke one
     * call this afterwards, so the tests after them start with a ledger that readers have caught up with.
     */
    void awaitReadersPassedRefusedAppends() {
        String canary = registerSomeone("kent-staff", "Canary");
        await("the directory shows a registration made after the refused one",
                () -> get(participant(canary), "kent-staff").statusCode() == 200);
    }

    JsonNode read(String id, String client) {
        HttpResponse<String> response = get(participant(id), client);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
    }

    static String randomId() {
        return UUID.randomUUID().toString();
    }

    /** The ledger's events of one aggregate, in order. */
    List<DomainEventMessage<?>> history(String aggregateId) {
        return new ArrayList<>(events.readEvents(aggregateId, 0).asStream().toList());
    }

    List<String> historyTypes(String aggregateId) {
        return history(aggregateId).stream().map(event -> event.getPayloadType().getSimpleName()).toList();
    }

    /** How many events of this type the whole ledger holds, for every tenant. */
    long eventsOfType(Class<?> payloadType) {
        try (var stream = events.readEvents(null, false)) {
            return stream.filter(event -> event.getPayloadType().equals(payloadType)).count();
        }
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    static List<String> itemIds(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).map(item -> item.get("id").asText())
                .toList();
    }

    /** A problem body without the fields that name the request ({@code instance}), to compare two problems. */
    static JsonNode problemWithoutInstance(HttpResponse<String> response) {
        JsonNode problem = json(response);
        if (problem instanceof ObjectNode object) {
            object.remove("instance");
        }
        return problem;
    }
}
