package org.roundtable.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The audit tool talking to a server")
class RemoteCommandsTest {

    @TempDir
    Path dir;
    private HttpServer server;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private String url;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            String body = bodies.get(key);
            byte[] bytes = (body == null ? "{\"detail\":\"no such thing\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void verifies_remotely_and_exits_non_zero_on_a_failure() {
        bodies.put("GET /api/audit/verification",
                "{\"ok\":false,\"verifiedThrough\":4,\"chainHead\":\"ab\",\"failure\":{\"position\":5,\"kind\":\"ALTERED\",\"detail\":\"the event at position 5 differs from its seal\"}}");

        AuditCliTest.Run run = AuditCliTest.cli("verify", "--url", url, "--token", "t0k");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED at position 5 (ALTERED): the event at position 5 differs from its seal");
        assertThat(authorizations).containsExactly("Bearer t0k");

        bodies.put("GET /api/audit/verification", "{\"ok\":true,\"verifiedThrough\":9,\"chainHead\":\"cd\",\"failure\":null}");
        assertThat(AuditCliTest.cli("verify", "--url", url, "--token", "t0k").out())
                .contains("OK: the ledger verifies through position 9, chain head cd");
    }

    @Test
    void saves_the_latest_digest_and_downloads_an_export_whole() throws IOException {
        bodies.put("GET /api/audit/digests?limit=1", "[{\"id\":\"d-1\",\"position\":7,\"chainHead\":\"cafe\"}]");
        bodies.put("GET /api/audit/export", "{\"line\":1}\n{\"trailer\":{}}\n");
        Path digest = dir.resolve("digest.json");
        Path export = dir.resolve("kent.ndjson");

        assertThat(AuditCliTest.cli("digest", "--url", url, "--token", "t", "--out", digest.toString()).exit()).isZero();
        assertThat(Files.readString(digest)).contains("\"position\" : 7");

        AuditCliTest.Run run = AuditCliTest.cli("export", "--url", url, "--token", "t", "--out", export.toString());
        assertThat(run.exit()).isZero();
        assertThat(Files.readString(export)).isEqualTo("{\"line\":1}\n{\"trailer\":{}}\n");
        assertThat(run.err()).contains("saved 26 bytes");
    }

    @Test
    void reports_a_server_refusal_as_an_error() {
        AuditCliTest.Run run = AuditCliTest.cli("digest", "--url", url, "--token", "t", "--create");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("the server answered 404");
    }
}
