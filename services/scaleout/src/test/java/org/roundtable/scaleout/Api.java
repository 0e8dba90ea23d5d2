package org.roundtable.scaleout;

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

/** The public HTTP API of one or another instance, as a client sees it; tokens per demo account. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO_SECRET = "demo";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** A client-credentials token of the embedded issuer; every instance trusts it (shared issuer key). */
    String token(ServerInstance issuer, String account) {
        return tokens.computeIfAbsent(account, name -> {
            String basic = Base64.getEncoder().encodeToString((name + ":" + DEMO_SECRET).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> answer = send(HttpRequest.newBuilder(issuer.uri("/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("No token for " + name + ": " + answer.statusCode());
            }
            return json(answer).path("access_token").asText();
        });
    }

    /** POST /api/participants with a minimal registration; the raw answer. */
    HttpResponse<String> register(ServerInstance instance, String token, String fullName) {
        return send(registration(instance, token, fullName));
    }

    /** Like {@link #register}, but a refused or broken connection is thrown, not wrapped (the killed instance). */
    HttpResponse<String> trySendRegistration(ServerInstance instance, String token, String fullName)
            throws IOException, InterruptedException {
        return http.send(registration(instance, token, fullName), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest registration(ServerInstance instance, String token, String fullName) {
        String body = "{\"fullName\":\"" + fullName + "\",\"birthYear\":2019,"
                + "\"consents\":[{\"purpose\":\"programme-records\",\"givenBy\":\"self\"}]}";
        return authorized(instance.uri("/api/participants"), token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    HttpResponse<String> get(ServerInstance instance, String token, String path) {
        return send(authorized(instance.uri(path), token).GET().build());
    }

    HttpResponse<String> patch(ServerInstance instance, String token, String path, String ifMatch, String body) {
        return send(authorized(instance.uri(path), token)
                .header("Content-Type", "application/merge-patch+json")
                .header("If-Match", ifMatch)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpRequest.Builder authorized(URI uri, String token) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    static JsonNode json(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON (" + answer.statusCode() + ")", e);
        }
    }

    /** The participant id from a 201's Location header. */
    static String createdId(HttpResponse<String> created) {
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
