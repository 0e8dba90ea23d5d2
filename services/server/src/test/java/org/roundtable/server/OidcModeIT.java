package org.roundtable.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roundtable.kernel.ProblemType;
import org.roundtable.server.testsupport.ApplicationTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * A second server in {@code oidc} mode that trusts the embedded issuer of the shared test server as
 * its external OIDC provider: tokens are accepted, and nothing of the embedded issuer is there.
 */
@DisplayName("Production mode (external OIDC provider)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcModeIT extends ApplicationTest {

    private ConfigurableApplicationContext oidcServer;
    private int oidcPort;

    @BeforeAll
    void startServerInOidcMode() throws IOException {
        // command-line arguments, because they outrank application.yml (builder properties do not)
        oidcServer = new SpringApplicationBuilder(RoundtableApplication.class).run(
                "--server.port=0",
                "--roundtable.security.mode=oidc",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:" + port,
                "--spring.data.mongodb.uri=" + mongoUri("roundtable-oidc"),
                "--roundtable.data-dir=" + Files.createTempDirectory("roundtable-oidc"));
        oidcPort = Integer.parseInt(oidcServer.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        if (oidcServer != null) {
            oidcServer.close();
        }
    }

    private HttpResponse<String> call(String path, String client) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + oidcPort + path))
                .timeout(Duration.ofSeconds(20)).GET();
        if (client != null) {
            builder.header("Authorization", "Bearer " + token(client));
        }
        return send(builder.build());
    }

    @Test
    void tokens_of_the_external_provider_are_accepted_with_their_tenant_and_roles() {
        assertThat(call("/api/tenants", "operator").statusCode()).isEqualTo(200);
        assertThat(call("/api/probe/caller", "krefeld-staff").body()).contains("\"tenant\":\"krefeld\"");
        assertProblem(call("/api/tenants", "krefeld-staff"), ProblemType.FORBIDDEN);
        assertProblem(call("/api/tenants", null), ProblemType.UNAUTHENTICATED);
    }

    @Test
    void the_embedded_issuer_form_login_and_demo_accounts_are_off() {
        assertThat(oidcServer.getBeanProvider(RegisteredClientRepository.class).getIfAvailable()).isNull();
        assertThat(oidcServer.containsBean("demoUsers")).isFalse();
        assertThat(oidcServer.containsBean("demoTenantSeeder")).isFalse();
        assertProblem(call("/login", null), ProblemType.UNAUTHENTICATED);
        HttpResponse<String> tokenEndpoint = send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + oidcPort + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        assertProblem(tokenEndpoint, ProblemType.UNAUTHENTICATED);
        assertThat(call("/actuator/health", null).statusCode()).isEqualTo(200);
    }
}
