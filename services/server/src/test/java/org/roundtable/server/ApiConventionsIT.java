package org.roundtable.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.kernel.ProblemType;
import org.roundtable.server.testsupport.ApplicationTest;
import org.roundtable.server.testsupport.ProbeController;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@DisplayName("API conventions")
class ApiConventionsIT extends ApplicationTest {

    private static final String VALID_TENANT = """
            {"id":"%s","name":"Agency","country":"AT","locale":"de-AT","timeZone":"Europe/Vienna"}""";

    private long eventsBefore;
    private long tenantsBefore;

    private void rememberState() {
        awaitTenantDirectoryCaughtUp();
        eventsBefore = eventCount();
        tenantsBefore = documents("tenants");
    }

    private void assertNothingWritten() {
        assertThat(eventCount()).as("events").isEqualTo(eventsBefore);
        assertThat(documents("tenants")).as("tenant documents").isEqualTo(tenantsBefore);
    }

    private static String nested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    @Nested
    @DisplayName("bad input answers a problem and writes nothing")
    class BadInput {

        @Test
        void malformed_json_is_a_400_problem() {
            rememberState();

            HttpResponse<String> response = postJson("/api/tenants", "operator", "{\"id\":\"graz\",");

            assertProblem(response, ProblemType.BAD_REQUEST);
            assertNothingWritten();
        }

        @Test
        void an_unknown_property_is_a_400_problem_naming_it() {
            rememberState();

            HttpResponse<String> response = postJson("/api/tenants", "operator",
                    VALID_TENANT.formatted("linz").replace("}", ",\"tenantId\":\"kent\"}"));

            assertProblem(response, ProblemType.BAD_REQUEST);
            assertThat(json(response).get("detail").asText()).contains("tenantId");
            assertNothingWritten();
        }

        @Test
        void a_value_of_the_wrong_type_is_a_400_problem() {
            rememberState();

            HttpResponse<String> response = postJson("/api/tenants", "operator",
                    VALID_TENANT.formatted("wels").replace("\"Agency\"", "{\"x\":1}"));

            assertProblem(response, ProblemType.BAD_REQUEST);
            assertNothingWritten();
        }

        @Test
        void json_nested_deeper_than_the_limit_is_a_400_problem() {
            assertThat(postJson("/api/probe/echo", "kent-staff", nested(20)).statusCode()).isEqualTo(201);
            int echoes = ProbeController.ECHOES.get();

            assertProblem(postJson("/api/probe/echo", "kent-staff", nested(40)), ProblemType.BAD_REQUEST);
            assertThat(ProbeController.ECHOES.get()).isEqualTo(echoes);
        }

        @Test
        void a_body_over_the_limit_is_a_413_problem_when_its_length_is_declared() {
            rememberState();
            String huge = VALID_TENANT.formatted("steyr").replace("\"Agency\"", "\"" + "x".repeat(300_000) + "\"");

            HttpResponse<String> response = postJson("/api/tenants", "operator", huge);

            assertProblem(response, ProblemType.PAYLOAD_TOO_LARGE);
            assertNothingWritten();
        }

        @Test
        void a_chunked_body_over_the_limit_is_a_413_problem() {
            rememberState();
            byte[] huge = VALID_TENANT.formatted("krems").replace("\"Agency\"", "\"" + "x".repeat(300_000) + "\"")
                    .getBytes(StandardCharsets.UTF_8);

            for (String path : new String[] {"/api/tenants", "/api/probe/echo"}) {
                HttpResponse<String> response = send(request(path, "operator")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                        .build());

                assertProblem(response, ProblemType.PAYLOAD_TOO_LARGE);
            }
            assertNothingWritten();
        }

        @Test
        void a_chunked_body_over_the_limit_with_an_idempotency_key_is_a_413_problem() {
            byte[] huge = ("[\"" + "x".repeat(300_000) + "\"]").getBytes(StandardCharsets.UTF_8);

            HttpResponse<String> response = send(request("/api/probe/echo", "kent-staff")
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "huge-1")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                    .build());

            assertProblem(response, ProblemType.PAYLOAD_TOO_LARGE);
        }

        @Test
        void an_unsupported_media_type_is_a_415_problem() {
            rememberState();

            HttpResponse<String> response = send(request("/api/tenants", "operator")
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(VALID_TENANT.formatted("villach")))
                    .build());

            assertProblem(response, ProblemType.UNSUPPORTED_MEDIA_TYPE);
            assertNothingWritten();
        }
    }

    @Test
    void an_unknown_path_is_a_404_problem() {
        assertProblem(get("/api/no-such-thing", "kent-admin"), ProblemType.NOT_FOUND);
    }

    @Test
    void an_unsupported_method_is_a_405_problem() {
        HttpResponse<String> response = send(request("/api/tenants", "operator").DELETE().build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void an_unexpected_failure_is_a_500_problem_that_reveals_nothing_of_the_cause(CapturedOutput log) {
        HttpResponse<String> response = get("/api/probe/boom", "kent-admin");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("errorId").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Jane").doesNotContain("2001").doesNotContain("IllegalState")
                .doesNotContain("at org.");
        assertThat(log.getAll()).contains(problem.get("errorId").asText()).doesNotContain("Jane");
    }

    @Nested
    @DisplayName("Idempotency-Key")
    class Idempotency {

        @Test
        void a_retry_returns_the_first_answer_and_adds_no_second_event() {
            long before = eventCount();
            String body = VALID_TENANT.formatted("bregenz");

            HttpResponse<String> first = postJson("/api/tenants", "operator", body, "Idempotency-Key", "create-bregenz");
            HttpResponse<String> retry = postJson("/api/tenants", "operator", body, "Idempotency-Key", "create-bregenz");

            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(retry.statusCode()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
            assertThat(retry.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
            assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(eventCount()).isEqualTo(before + 1);
            Document record = mongo.getCollection("idempotency_records")
                    .find(new Document("tenantId", "platform").append("key", "create-bregenz")).first();
            assertThat(record).isNotNull();
            assertThat(record.getInteger("status")).isEqualTo(201);
        }

        @Test
        void the_same_key_with_another_body_is_a_422_problem() {
            postJson("/api/probe/echo", "kent-staff", "{\"n\":1}", "Idempotency-Key", "reused-key");
            int echoes = ProbeController.ECHOES.get();

            HttpResponse<String> response = postJson("/api/probe/echo", "kent-staff", "{\"n\":2}",
                    "Idempotency-Key", "reused-key");

            assertProblem(response, ProblemType.RULE_VIOLATION);
            assertThat(ProbeController.ECHOES.get()).isEqualTo(echoes);
        }

        @Test
        void keys_belong_to_a_tenant() {
            int echoes = ProbeController.ECHOES.get();

            HttpResponse<String> kent = postJson("/api/probe/echo", "kent-staff", "{}", "Idempotency-Key", "shared");
            HttpResponse<String> krefeld = postJson("/api/probe/echo", "krefeld-staff", "{}", "Idempotency-Key", "shared");

            assertThat(kent.statusCode()).isEqualTo(201);
            assertThat(krefeld.statusCode()).isEqualTo(201);
            assertThat(krefeld.headers().firstValue("Idempotent-Replayed")).isEmpty();
            assertThat(ProbeController.ECHOES.get()).isEqualTo(echoes + 2);
        }

        @Test
        void a_retry_while_the_first_request_runs_is_a_409_problem() throws Exception {
            ProbeController.release = new CountDownLatch(1);
            try {
                CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() ->
                        postJson("/api/probe/slow", "darmstadt-staff", "{}", "Idempotency-Key", "slow-1"));
                await("the first request holds its key", () -> mongo.getCollection("idempotency_records")
                        .countDocuments(new Document("tenantId", "darmstadt").append("key", "slow-1")) == 1);

                HttpResponse<String> second = postJson("/api/probe/slow", "darmstadt-staff", "{}",
                        "Idempotency-Key", "slow-1");

                assertProblem(second, ProblemType.CONFLICT);
                ProbeController.release.countDown();
                assertThat(first.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            } finally {
                ProbeController.release.countDown();
            }
        }

        @Test
        void a_failed_answer_is_not_stored_and_a_retry_runs_again() {
            HttpResponse<String> first = postJson("/api/probe/refuse", "kent-staff", "{}", "Idempotency-Key", "refused");
            HttpResponse<String> retry = postJson("/api/probe/refuse", "kent-staff", "{}", "Idempotency-Key", "refused");

            assertThat(first.statusCode()).isEqualTo(422);
            assertThat(retry.statusCode()).isEqualTo(422);
            assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
            assertThat(mongo.getCollection("idempotency_records")
                    .countDocuments(new Document("tenantId", "kent").append("key", "refused"))).isZero();
        }

        @Test
        void a_malformed_key_is_a_400_problem() {
            assertProblem(postJson("/api/probe/echo", "kent-staff", "{}", "Idempotency-Key", "has space"),
                    ProblemType.BAD_REQUEST);
        }
    }
}
