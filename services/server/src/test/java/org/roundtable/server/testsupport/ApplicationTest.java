package org.roundtable.server.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import static org.assertj.core.api.Assertions.assertThat;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.roundtable.kernel.ProblemType;
import org.roundtable.server.RoundtableApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole server on a random port over an in-memory MongoDB reached through the real driver, or over
 * the real MongoDB named by {@code MONGODB_URI} when that is set (a database per run).
 * Every application test extends this class, so they all share one Spring context.
 */
@SpringBootTest(classes = RoundtableApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApplicationTest {

    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final Path DATA_DIR;
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    static {
        MONGO.bind("127.0.0.1", 0);
        try {
            DATA_DIR = Files.createTempDirectory("roundtable-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> mongoUri("roundtable"));
        registry.add("roundtable.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected EventStorageEngine events;
    @Autowired
    protected MongoTemplate mongo;

    protected final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static final String RUN = Long.toHexString(System.currentTimeMillis());

    protected static String mongoUri(String database) {
        String external = System.getenv("MONGODB_URI");
        if (external != null && !external.isBlank()) {
            com.mongodb.ConnectionString given = new com.mongodb.ConnectionString(external);
            String hosts = String.join(",", given.getHosts());
            String options = external.contains("?") ? external.substring(external.indexOf('?')) : "";
            String credentials = given.getUsername() == null ? ""
                    : given.getUsername() + ":" + new String(given.getPassword()) + "@";
            return "mongodb://" + credentials + hosts + "/" + database + "-" + RUN + options;
        }
        return "mongodb://127.0.0.1:" + MONGO.getLocalAddress().getPort() + "/" + database;
    }

    protected static Path dataDir() {
        return DATA_DIR;
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
    }

    protected HttpRequest.Builder request(String path, String client) {
        return request(path).header("Authorization", "Bearer " + token(client));
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> postJson(String path, String client, String body, String... headers) {
        HttpRequest.Builder builder = request(path, client)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    protected HttpResponse<String> get(String path, String client) {
        return send(request(path, client).GET().build());
    }

    /** A PATCH with a JSON body; headers are name/value pairs (e.g. {@code If-Match}, another Content-Type). */
    protected HttpResponse<String> patchJson(String path, String client, String body, String... headers) {
        return sendWithBody("PATCH", path, client, body, headers);
    }

    protected HttpResponse<String> delete(String path, String client) {
        return send(request(path, client).DELETE().build());
    }

    /** Any method with a JSON body; a header given here replaces the default {@code Content-Type}. */
    protected HttpResponse<String> sendWithBody(String method, String path, String client, String body,
                                                String... headers) {
        HttpRequest.Builder builder = request(path, client)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        boolean contentType = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            contentType |= headers[i].equalsIgnoreCase("Content-Type");
            builder.header(headers[i], headers[i + 1]);
        }
        if (!contentType) {
            builder.header("Content-Type", "application/json");
        }
        return send(builder.build());
    }

    /** A token from the embedded issuer, by the client-credentials grant with the demo secret. */
    protected String token(String client) {
        return TOKENS.computeIfAbsent(client, name -> {
            HttpResponse<String> response = requestToken(name, "demo");
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + name + ": " + response.statusCode());
            }
            return json(response).get("access_token").asText();
        });
    }

    protected HttpResponse<String> requestToken(String client, String secret) {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(request("/oauth2/token")
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build());
    }

    protected static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** The claims of a JWT, read without verifying it (the server verified it). */
    protected static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected long eventCount() {
        try (var stream = events.readEvents(null, false)) {
            return stream.count();
        }
    }

    /** Waits until the tenant directory has projected every tenant event, so counts are stable. */
    protected void awaitTenantDirectoryCaughtUp() {
        await("the tenant directory caught up", () -> {
            long tenants;
            try (var stream = events.readEvents(null, false)) {
                tenants = stream.filter(event -> event.getPayloadType().getSimpleName().equals("TenantCreated"))
                        .count();
            }
            return documents("tenants") == tenants;
        });
    }

    protected long documents(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }

    protected static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(15);
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

    protected static void assertProblem(HttpResponse<String> response, ProblemType type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(type.status());
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("type").asText()).isEqualTo(type.uri().toString());
        assertThat(problem.get("title").asText()).isEqualTo(type.title());
        assertThat(problem.get("status").asInt()).isEqualTo(type.status());
        assertThat(problem.hasNonNull("detail")).isTrue();
    }
}
