package org.roundtable.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roundtable.ledger.embedded.EmbeddedMongo;

/**
 * End to end with a real Keycloak 26 (the distribution zip from Maven Central, unpacked by the
 * {@code keycloak} profile) importing {@code deploy/keycloak/roundtable-realm.json}, and a Roundtable
 * server in {@code oidc} mode trusting it. Run with {@code ./mvnw -Pkeycloak -pl services/scaleout test}.
 */
@DisplayName("End to end with Keycloak and the deployed realm")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakIT {

    private static final Map<String, String> SECRETS = Map.of(
            "KC_CLIENT_SECRET_KENT", "kent-" + random(),
            "KC_CLIENT_SECRET_KREFELD", "krefeld-" + random(),
            "KC_CLIENT_SECRET_DARMSTADT", "darmstadt-" + random(),
            "KC_CLIENT_SECRET_OPERATOR", "operator-" + random(),
            "KC_DEMO_USER_PASSWORD", "demo-" + random());

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private Process keycloak;
    private EmbeddedMongo mongo;
    private ServerInstance server;
    private int keycloakPort;

    @BeforeAll
    void startKeycloakAndServer() throws Exception {
        Path home = Path.of(System.getProperty("scaleout.keycloak.home", ""));
        assertThat(home.resolve("bin/kc.sh")).as("Keycloak unpacked by the keycloak profile").exists();
        Path logs = Path.of(System.getProperty("scaleout.logs", "target/scaleout-logs")).resolve("keycloak");
        Files.createDirectories(logs);
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        Files.copy(Path.of(System.getProperty("scaleout.realm.file")), imports.resolve("roundtable-realm.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // a fresh dev database each run, so the realm file is imported as it is now
        deleteRecursively(home.resolve("data/h2"));

        keycloakPort = freePort();
        int management = freePort();
        List<String> command = List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-host=127.0.0.1", "--http-port=" + keycloakPort,
                "--hostname=http://127.0.0.1:" + keycloakPort, "--health-enabled=true",
                "--http-management-port=" + management);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve("keycloak.log").toFile());
        builder.environment().putAll(SECRETS);
        builder.environment().put("JAVA_HOME", keycloakJavaHome().toString());
        long started = System.nanoTime();
        keycloak = builder.start();
        Await.until(Duration.ofMinutes(3), "Keycloak ready (log in " + logs + ")", () -> {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + keycloak.exitValue() + "; see " + logs);
            }
            return status(URI.create("http://127.0.0.1:" + management + "/health/ready")) == 200;
        });
        System.out.printf("keycloak: ready %ds after launch%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());

        mongo = EmbeddedMongo.inMemory(0);
        int port = freePort();
        server = ServerInstance.start("oidc-server", ServerLauncher.fromBuild(), port, List.of(
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--spring.data.mongodb.uri=" + mongo.connectionString() + "/roundtable",
                "--roundtable.data-dir=" + Files.createTempDirectory("roundtable-oidc"),
                "--roundtable.security.mode=oidc",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:" + keycloakPort
                        + "/realms/roundtable",
                "--roundtable.ledger.master-key=" + Base64.getEncoder().encodeToString(new byte[32])), logs);
        Await.until(Duration.ofMinutes(3), "server ready", server::isReady);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (server != null) {
            server.stop();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (keycloak != null) {
            keycloak.destroy();
            if (!keycloak.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                keycloak.destroyForcibly();
            }
        }
    }

    @Test
    void a_tenant_client_token_carries_its_tenant_and_roles_and_registers_in_its_own_tenant_only() {
        String kent = clientToken("roundtable-kent", "KC_CLIENT_SECRET_KENT");
        JsonNode claims = claims(kent);
        assertThat(claims.path("tenant_id").asText()).isEqualTo("kent");
        assertThat(claims.path("roles").toString()).contains("\"staff\"");
        assertThat(claims.path("iss").asText()).isEqualTo("http://127.0.0.1:" + keycloakPort + "/realms/roundtable");

        Api api = new Api();
        HttpResponse<String> created = api.register(server, kent, "Kent Keycloak Person");
        assertThat(created.statusCode()).isEqualTo(201);
        String path = "/api/participants/" + Api.createdId(created);
        assertThat(api.get(server, kent, path).statusCode()).isEqualTo(200);

        String krefeld = clientToken("roundtable-krefeld", "KC_CLIENT_SECRET_KREFELD");
        assertThat(claims(krefeld).path("tenant_id").asText()).isEqualTo("krefeld");
        assertThat(api.get(server, krefeld, path).statusCode()).as("another tenant's participant").isEqualTo(404);
    }

    @Test
    void the_operator_client_manages_tenants_but_reads_no_personal_data() {
        String operator = clientToken("roundtable-operator", "KC_CLIENT_SECRET_OPERATOR");
        Api api = new Api();
        assertThat(api.get(server, operator, "/api/tenants").statusCode()).isEqualTo(200);
        assertThat(api.get(server, operator, "/api/participants").statusCode()).isEqualTo(403);
    }

    @Test
    void a_wrong_client_secret_gets_no_token_and_no_token_gets_401() {
        HttpResponse<String> refused = tokenRequest("roundtable-kent", "not-the-secret");
        assertThat(refused.statusCode()).isEqualTo(401);
        HttpResponse<String> anonymous = new Api().send(HttpRequest.newBuilder(server.uri("/api/participants")).GET().build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private String clientToken(String clientId, String secretVariable) {
        HttpResponse<String> answer = tokenRequest(clientId, SECRETS.get(secretVariable));
        assertThat(answer.statusCode()).as("token for %s", clientId).isEqualTo(200);
        return Api.json(answer).path("access_token").asText();
    }

    private HttpResponse<String> tokenRequest(String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return new Api().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + keycloakPort
                        + "/realms/roundtable/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static JsonNode claims(String jwt) {
        try {
            return Api.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int status(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Keycloak 26 needs Java 21 or later: the configured one, this JVM if new enough, else one under /usr/lib/jvm. */
    private static Path keycloakJavaHome() throws IOException {
        String configured = System.getProperty("scaleout.keycloak.java-home", "");
        if (!configured.isBlank()) {
            return Path.of(configured);
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home")));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                homes.sorted().forEach(candidates::add);
            }
        }
        for (Path candidate : candidates) {
            if (majorVersion(candidate).orElse(0) >= 21 && Files.isExecutable(candidate.resolve("bin/java"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Keycloak 26 needs Java 21+; set -Dscaleout.keycloak.java-home");
    }

    private static Optional<Integer> majorVersion(Path javaHome) {
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Optional.of(Integer.parseInt(version.split("[.+-]")[0]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String random() {
        return java.util.UUID.randomUUID().toString();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
