package org.roundtable.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.audit.cli.AuditCli;
import org.roundtable.kernel.ProblemType;
import org.roundtable.server.RoundtableApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * An agency moved to a fresh instance: a second server on its own embedded MongoDB, with its own master key and
 * signing key, takes the export with the agency's wrapped per-person keys and rebuilds the same read models.
 */
@DisplayName("Moving an agency to another instance by export and import")
class AgencyTransferIT extends AuditApplicationTest {

    static final String PASSPHRASE = "ferry to Calais at dawn";

    private static MongoServer targetMongo;
    private static ConfigurableApplicationContext targetServer;
    private static int targetPort;

    @TempDir
    Path files;

    @BeforeAll
    static void startTarget() throws IOException {
        targetMongo = new MongoServer(new MemoryBackend());
        targetMongo.bind("127.0.0.1", 0);
        Path dataDir = Files.createTempDirectory("roundtable-target");
        targetServer = new SpringApplicationBuilder(RoundtableApplication.class)
                .properties(Map.of(
                        "server.port", "0",
                        "spring.data.mongodb.uri", "mongodb://127.0.0.1:" + targetMongo.getLocalAddress().getPort() + "/roundtable",
                        "roundtable.data-dir", dataDir.toString()))
                .run();
        targetPort = Integer.parseInt(targetServer.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopTarget() {
        if (targetServer != null) {
            targetServer.close();
        }
        if (targetMongo != null) {
            targetMongo.shutdown();
        }
    }

    @Test
    @DisplayName("the imported agency answers every read model exactly as at home, its erased person stays erased, and the ledger verifies")
    void importRebuildsIdenticalReadModels() throws IOException {
        List<String> people = new ArrayList<>();
        for (String name : List.of("Amelia Hart", "Bilal Khan", "Chloe Okafor")) {
            people.add(registerParticipant("kent-staff", name + " " + capitalized(letters(6))));
        }
        String erased = registerParticipant("kent-staff", "Dora Erased " + capitalized(letters(6)));
        HttpResponse<String> erasure = postJson("/api/participants/" + erased + "/erasure", "kent-staff",
                "{\"reason\":\"request by the person\"}");
        assertThat(erasure.statusCode()).as(erasure.body()).isEqualTo(204);
        String programme = create("/api/programmes", "kent-admin", """
                {"name":"Harbour Families %s","startDate":"2026-01-01","endDate":"2026-12-31","towns":["Dover"],
                 "funders":[{"funder":"Community Fund","type":"GRANT","amount":120000,"currency":"GBP"}],
                 "targets":[]}""".formatted(letters(5)));
        create("/api/programmes/" + programme + "/activities", "kent-admin", """
                {"name":"Stay and play","kind":"COFFEE_MORNING","audience":"parents and children","town":"Dover","venue":"Community hall",
                 "schedule":{"days":["MONDAY"],"startTime":"09:30","endTime":"11:30","from":"2026-01-05"},
                 "languages":["en"],"simpleLanguage":true}""");
        registerOrganisation("kent-admin", "Dover Food Bank " + capitalized(letters(6)));
        awaitSealedThrough(headPosition());

        List<String> paths = new ArrayList<>(List.of("/api/participants", "/api/programmes", "/api/organisations",
                "/api/programmes/" + programme, "/api/programmes/" + programme + "/activities",
                "/api/participants/" + erased));
        people.forEach(id -> paths.add("/api/participants/" + id));
        Map<String, String> home = new java.util.LinkedHashMap<>();
        for (String path : paths) {
            home.put(path, getJson(path, "kent-admin").toString());
        }
        assertThat(home.get("/api/participants/" + erased)).contains("[erased]");

        // an auditor may not take the keys out, the admin may
        HttpResponse<String> byAuditor = postJson("/api/audit/transfer-export", "kent-auditor",
                "{\"transferPassphrase\":\"" + PASSPHRASE + "\"}");
        assertProblem(byAuditor, ProblemType.FORBIDDEN);
        HttpResponse<String> weak = postJson("/api/audit/transfer-export", "kent-admin", "{\"transferPassphrase\":\"short\"}");
        assertThat(weak.statusCode()).isEqualTo(400);
        HttpResponse<String> exported = postJson("/api/audit/transfer-export", "kent-admin",
                "{\"transferPassphrase\":\"" + PASSPHRASE + "\"}");
        assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
        Path export = files.resolve("kent-transfer.ndjson");
        Files.writeString(export, exported.body(), StandardCharsets.UTF_8);
        assertThat(exported.body()).doesNotContain("Amelia Hart").contains("roundtable-export-v2");

        // refusals on the target write nothing
        long targetEventsBefore = targetHead();
        String truncated = exported.body().substring(0, exported.body().lastIndexOf("{\"trailer\""));
        assertProblem(importInto(truncated, PASSPHRASE, "operator"), ProblemType.RULE_VIOLATION);
        String forged = exported.body().replaceFirst("\"signature\":\"[^\"]+\"",
                "\"signature\":\"" + Base64.getEncoder().encodeToString(new byte[64]) + "\"");
        assertThat(forged).isNotEqualTo(exported.body());
        assertProblem(importInto(forged, PASSPHRASE, "operator"), ProblemType.RULE_VIOLATION);
        assertProblem(importInto(exported.body(), "not the passphrase at all", "operator"), ProblemType.RULE_VIOLATION);
        assertProblem(importInto(exported.body(), PASSPHRASE, "kent-admin"), ProblemType.FORBIDDEN);
        assertThat(targetHead()).isEqualTo(targetEventsBefore);
        assertThat(targetGet("/api/participants", "kent-admin").toString()).doesNotContain(people.get(0));

        // the operator imports it with the command-line tool
        Path passphrase = files.resolve("passphrase.txt");
        Files.writeString(passphrase, PASSPHRASE);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new AuditCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("import", "--url", "http://localhost:" + targetPort, "--token", targetToken("operator"),
                "--export", export.toString(), "--passphrase-file", passphrase.toString());
        assertThat(exit).as(out + " " + err).isZero();
        assertThat(out.toString()).contains("tenant kent").containsPattern("and [1-9][0-9]* erased people");

        for (Map.Entry<String, String> expected : home.entrySet()) {
            String[] seen = new String[1];
            awaitLong("the target answers " + expected.getKey() + " as the source does", Duration.ofSeconds(40), () -> {
                seen[0] = targetGet(expected.getKey(), "kent-admin").toString();
                return seen[0].equals(expected.getValue());
            });
            assertThat(seen[0]).isEqualTo(expected.getValue());
        }
        awaitLong("the target's ledger is sealed and verifies", Duration.ofSeconds(40), () -> {
            JsonNode report = targetGet(VERIFICATION, "kent-auditor");
            assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
            return report.get("verifiedThrough").asLong() >= targetHead();
        });

        // a second import of the same agency finds its events there
        assertProblem(importInto(exported.body(), PASSPHRASE, "operator"), ProblemType.CONFLICT);
    }

    private long targetHead() {
        return targetServer.getBean(org.axonframework.eventsourcing.eventstore.EventStorageEngine.class)
                .createHeadToken().position().orElse(0);
    }

    private HttpResponse<String> importInto(String body, String passphrase, String client) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + targetPort + "/api/audit/imports"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + targetToken(client))
                .header("Content-Type", "application/x-ndjson")
                .header("Transfer-Passphrase", passphrase)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private JsonNode targetGet(String path, String client) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + targetPort + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + targetToken(client)).GET().build());
        assertThat(response.statusCode()).as("target GET %s: %s", path, response.body()).isEqualTo(200);
        return json(response);
    }

    private final Map<String, String> targetTokens = new java.util.HashMap<>();

    private String targetToken(String client) {
        return targetTokens.computeIfAbsent(client, name -> {
            String basic = Base64.getEncoder().encodeToString((name + ":demo").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + targetPort + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
            if (response.statusCode() != 200) {
                throw new UncheckedIOException(new IOException("no token for " + name + ": " + response.statusCode()));
            }
            return json(response).get("access_token").asText();
        });
    }
}
