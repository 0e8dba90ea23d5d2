package org.roundtable.audit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** The few calls the tool makes to a Roundtable server, with a bearer token. */
final class AuditApi {

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    AuditApi(String baseUrl, String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("A token is required: --token or the ROUNDTABLE_TOKEN environment variable");
        }
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.token = token;
    }

    String get(String path) throws IOException {
        return text(send(request(path).GET()));
    }

    String post(String path) throws IOException {
        return text(send(request(path).POST(HttpRequest.BodyPublishers.noBody())));
    }

    /** Uploads a file as the body, with extra headers (name, value, ...); answers the response body. */
    String postFile(String path, Path file, String contentType, String... headers) throws IOException {
        HttpRequest.Builder request = request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofFile(file));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return text(send(request));
    }

    /** The body as a stream; the caller closes it. */
    InputStream stream(String path) throws IOException {
        return stream(request(path).GET());
    }

    /** The body of a POST with a JSON body, as a stream; the caller closes it. */
    InputStream streamPost(String path, String json) throws IOException {
        return stream(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private InputStream stream(HttpRequest.Builder request) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            try (InputStream body = response.body()) {
                throw new IOException(failure(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return response.body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/x-ndjson, application/problem+json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String text(HttpResponse<String> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException(failure(response.statusCode(), response.body()));
        }
        return response.body();
    }

    private static String failure(int status, String body) {
        return "the server answered " + status + (body == null || body.isBlank() ? "" : ": " + body.strip());
    }
}
