package org.roundtable.server.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.roundtable.programmes.query.ParticipantFactsProjection;
import org.roundtable.programmes.query.ProgrammeAttendanceProjection;
import org.roundtable.programmes.query.ProgrammeCatalogueProjection;
import org.roundtable.server.testsupport.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the programmes application tests share on top of {@link ApplicationTest} (same Spring context):
 * writes that expect to succeed and answer the new id, JSON helpers, and rebuilding the programmes read
 * models from the ledger. Every test launches its own programmes, so tests never see each other's figures.
 */
abstract class ProgrammesApplicationTest extends ApplicationTest {

    /** The processing groups of the programmes context, as its projections name them. */
    static final List<String> PROGRAMME_GROUPS = List.of(ProgrammeCatalogueProjection.PROCESSING_GROUP,
            ProgrammeAttendanceProjection.PROCESSING_GROUP, ParticipantFactsProjection.PROCESSING_GROUP);

    @Autowired
    private org.axonframework.config.Configuration axon;

    static String randomId() {
        return UUID.randomUUID().toString();
    }

    /** Any value of maps, lists, strings and numbers as JSON, to build request bodies. */
    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reach group the test needs; another test class may have defined it already (409), which is fine. */
    void ensureReachGroup(String code, String label) {
        HttpResponse<String> response = postJson("/api/reach-groups", "kent-admin",
                "{\"code\":\"%s\",\"label\":\"%s\"}".formatted(code, label));
        assertThat(response.statusCode()).as(response.body()).isIn(201, 409);
    }

    /** A POST that must create something: 201 with {@code Location: <prefix>/<id>}; answers the id. */
    String create(String path, String client, String body, String locationPrefix) {
        HttpResponse<String> response = postJson(path, client, body);
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(201);
        String id = json(response).get("id").asText();
        assertThat(response.headers().firstValue("Location")).hasValue(locationPrefix + "/" + id);
        return id;
    }

    String registerParticipant(String client, String body) {
        return create("/api/participants", client, body, "/api/participants");
    }

    /**
     * Registers several participants at once, as several staff on their phones would; answers their ids in
     * the order of the bodies.
     */
    List<String> registerAll(String client, List<String> bodies) {
        List<CompletableFuture<HttpResponse<String>>> pending = bodies.stream()
                .map(body -> http.sendAsync(request("/api/participants", client)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        return pending.stream().map(CompletableFuture::join).map(response -> {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return json(response).get("id").asText();
        }).toList();
    }

    /** A registration body with programme-records consent and nothing else special. */
    static String someone(String town, int birthYear) {
        return """
                {"fullName":"Test Person %s","birthYear":%d,"town":"%s",
                 "consents":[{"purpose":"programme-records","givenBy":"self"}]}
                """.formatted(UUID.randomUUID().toString().substring(0, 8), birthYear, town);
    }

    /** A participant with programme-records consent and nothing else special. */
    String registerSomeone(String client, String town, int birthYear) {
        return registerParticipant(client, someone(town, birthYear));
    }

    String launchProgramme(String client, String name, LocalDate start, LocalDate end, String targetsJson) {
        return create("/api/programmes", client, """
                {"name":"%s","startDate":"%s","endDate":"%s","towns":["Folkestone","Dover","Margate"],
                 "funders":[{"funder":"Community Fund","type":"GRANT","amount":300000,"currency":"GBP"}],
                 "targets":%s}
                """.formatted(name, start, end, targetsJson), "/api/programmes");
    }

    /** A weekly activity over the whole programme period. */
    String planWeeklyActivity(String client, String programmeId, String name, String kind, String town, String day,
                              LocalDate from) {
        return create("/api/programmes/" + programmeId + "/activities", client, """
                {"name":"%s","kind":"%s","audience":"parents and children","town":"%s","venue":"Community hall",
                 "schedule":{"days":["%s"],"startTime":"09:30","endTime":"11:30","from":"%s"},
                 "languages":["en"],"simpleLanguage":true}
                """.formatted(name, kind, town, day, from), "/api/activities");
    }

    HttpResponse<String> put(String path, String client, String body) {
        return sendWithBody("PUT", path, client, body);
    }

    HttpResponse<String> getCsv(String path, String client) {
        return send(request(path, client).header("Accept", "text/csv").GET().build());
    }

    JsonNode getJson(String path, String client) {
        HttpResponse<String> response = get(path, client);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json(response);
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** A problem body without {@code instance}, which names the request, to compare two problems. */
    static JsonNode problemWithoutInstance(HttpResponse<String> response) {
        JsonNode problem = json(response);
        if (problem instanceof ObjectNode object) {
            object.remove("instance");
        }
        return problem;
    }

    static void awaitLong(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Rebuilds every programmes read model from the ledger: each processor is stopped, its tokens reset to
     * the start (its projections clear their documents) and started again; then waits until each has
     * replayed up to the ledger's head as it was when the replay began.
     */
    void replayProgrammeReadModels() {
        EventProcessingConfiguration processing = axon.eventProcessingConfiguration();
        List<StreamingEventProcessor> processors = PROGRAMME_GROUPS.stream()
                .map(group -> processing.eventProcessorByProcessingGroup(group, StreamingEventProcessor.class)
                        .orElseThrow(() -> new AssertionError("no streaming processor for " + group)))
                .toList();
        for (StreamingEventProcessor processor : processors) {
            assertThat(processor.supportsReset()).as(processor.getName() + " supports a reset").isTrue();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        // Axon ends a replay only when a processor handles an event past the position it was reset at, so
        // one event is appended after the reset; it belongs to another tenant and changes no figure here.
        HttpResponse<String> canary = postJson("/api/reach-groups", "krefeld-admin",
                "{\"code\":\"canary-%s\",\"label\":\"Replay canary\"}".formatted(randomId().substring(0, 8)));
        assertThat(canary.statusCode()).as(canary.body()).isEqualTo(201);
        long headPosition = events.createHeadToken().position().orElse(0);
        try {
            awaitLong("the programmes processors replayed the ledger", Duration.ofSeconds(60),
                    () -> processors.stream().allMatch(processor -> caughtUp(processor, headPosition)));
        } catch (AssertionError timedOut) {
            StringBuilder statuses = new StringBuilder(timedOut.getMessage()).append(" (head ").append(headPosition)
                    .append(")");
            processors.forEach(processor -> processor.processingStatus().forEach((segment, status) -> statuses
                    .append("\n").append(processor.getName()).append('[').append(segment).append("] replaying=")
                    .append(status.isReplaying()).append(" caughtUp=").append(status.isCaughtUp())
                    .append(" error=").append(status.isErrorState()).append(" position=")
                    .append(status.getCurrentPosition())));
            throw new AssertionError(statuses.toString(), timedOut);
        }
    }

    private static boolean caughtUp(StreamingEventProcessor processor, long headPosition) {
        Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
        if (!processor.isRunning() || statuses.isEmpty()) {
            return false;
        }
        return statuses.values().stream().allMatch(status -> {
            OptionalLong position = status.getCurrentPosition();
            return !status.isReplaying() && status.isCaughtUp() && !status.isErrorState()
                    && position.isPresent() && position.getAsLong() >= headPosition;
        });
    }

    /** Sends a request and answers it, for requests whose method is not one of the shortcuts above. */
    HttpResponse<String> send(String method, String path, String client, String body) {
        HttpRequest.Builder builder = request(path, client).header("Content-Type", "application/json");
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return send(builder.build());
    }
}
