package org.roundtable.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's REST API as a client sees it on loopback: tokens from the embedded issuer by the
 * client-credentials grant, JSON bodies, and each call's wall-clock time.
 */
final class ProgrammeApi {

    /** A response with the time from sending the request to having read the whole body. */
    record Answer(int status, String body, long nanos) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (status " + status + ")", e);
            }
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    ProgrammeApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Answer post(String path, String client, Object body) {
        return send(request(path, client).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body))).build());
    }

    Answer get(String path, String client) {
        return send(request(path, client).header("Accept", "application/json").GET().build());
    }

    /** A POST that must create something (201); answers the new id. */
    String create(String path, String client, Object body) {
        Answer answer = post(path, client, body);
        if (answer.status() != 201) {
            // problem bodies name rules and ids, never personal data
            throw new IllegalStateException("POST " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json().get("id").asText();
    }

    JsonNode getJson(String path, String client) {
        Answer answer = get(path, client);
        if (answer.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    private HttpRequest.Builder request(String path, String client) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(client));
    }

    /** A token per demo client, fetched once: the embedded issuer's tokens live an hour, longer than a run. */
    private String token(String client) {
        return tokens.computeIfAbsent(client, name -> {
            String basic = Base64.getEncoder().encodeToString((name + ":demo").getBytes(StandardCharsets.UTF_8));
            Answer answer = send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build());
            if (answer.status() != 200) {
                throw new IllegalStateException("no token for " + name + ": " + answer.status());
            }
            return answer.json().get("access_token").asText();
        });
    }

    private Answer send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
