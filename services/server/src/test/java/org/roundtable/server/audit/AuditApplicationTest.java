package org.roundtable.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;
import org.roundtable.server.testsupport.ApplicationTest;

/**
 * What the audit application tests share on top of {@link ApplicationTest} (same Spring context): making
 * a few events in an agency, reading the history page by page, and waiting until the sealer has sealed a
 * position. The ledger is shared by every test, so these tests look at the positions they wrote, or at
 * everything after the ledger's head as it was when they began.
 */
abstract class AuditApplicationTest extends ApplicationTest {

    static final String EVENTS = "/api/audit/events";
    static final String VERIFICATION = "/api/audit/verification";

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

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** The ledger's last position now; history written after this call lies above it. */
    long headPosition() {
        return events.createHeadToken().position().orElse(0);
    }

    JsonNode getJson(String path, String client) {
        HttpResponse<String> response = get(path, client);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json(response);
    }

    /** A POST that must create something; answers the id from the body. */
    String create(String path, String client, String body) {
        HttpResponse<String> response = postJson(path, client, body);
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(201);
        JsonNode created = json(response);
        if (created.hasNonNull("id")) {
            return created.get("id").asText();
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    String registerOrganisation(String admin, String name) {
        return create("/api/organisations", admin, toJson(Map.of("name", name, "kind", "charity", "town", "Dover")));
    }

    /** A participant with a name and programme-records consent; answers the id. */
    String registerParticipant(String client, String fullName) {
        return create("/api/participants", client, """
                {"fullName":"%s","birthYear":1979,"town":"Folkestone",
                 "consents":[{"purpose":"programme-records","givenBy":"self"}]}""".formatted(fullName));
    }

    /**
     * Every event the client may see after {@code afterPosition} that matches the extra query (e.g.
     * {@code &aggregateId=...}), reading page after page until the history says there is no more.
     */
    List<JsonNode> history(String client, long afterPosition, String query, int limit) {
        List<JsonNode> all = new ArrayList<>();
        long after = afterPosition;
        for (int pages = 0; pages < 10_000; pages++) {
            JsonNode page = getJson(EVENTS + "?afterPosition=" + after + "&limit=" + limit + query, client);
            all.addAll(elements(page.get("items")));
            long next = page.get("nextAfterPosition").asLong();
            if (!page.get("hasMore").asBoolean()) {
                return all;
            }
            assertThat(next).as("a page that has more moves on").isGreaterThan(after);
            after = next;
        }
        throw new AssertionError("the history did not end");
    }

    /** The only event of the aggregate with this type after a position, as kent's auditor sees it. */
    JsonNode eventOf(long afterPosition, String aggregateId, String simpleType) {
        List<JsonNode> found = history("kent-auditor", afterPosition, "&aggregateId=" + aggregateId + "&type=" + simpleType,
                500);
        assertThat(found).as("%s of %s", simpleType, aggregateId).hasSize(1);
        return found.get(0);
    }

    /** Waits until verification covers the position and finds the ledger intact; answers the report. */
    JsonNode awaitSealedThrough(long position) {
        JsonNode[] report = new JsonNode[1];
        // a position refused by the ledger elsewhere holds the sealer back for its gap timeout (10 s)
        awaitLong("the ledger is sealed through position " + position, Duration.ofSeconds(40), () -> {
            report[0] = getJson(VERIFICATION, "kent-auditor");
            assertThat(report[0].get("ok").asBoolean()).as(report[0].toString()).isTrue();
            return report[0].get("verifiedThrough").asLong() >= position;
        });
        return report[0];
    }

    static void awaitLong(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
