package org.roundtable.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roundtable.kernel.ProblemType;

import org.roundtable.server.testsupport.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

@DisplayName("Security of the embedded default")
class SecurityIT extends ApplicationTest {

    @Autowired
    JWKSource<SecurityContext> jwkSource;

    @ParameterizedTest(name = "{0} gets a token for tenant {1} with role {2}")
    @CsvSource({
            "kent-admin, kent, admin", "kent-staff, kent, staff", "kent-auditor, kent, auditor",
            "krefeld-admin, krefeld, admin", "krefeld-staff, krefeld, staff", "krefeld-auditor, krefeld, auditor",
            "krefeld-chair, krefeld, chair",
            "darmstadt-admin, darmstadt, admin", "darmstadt-staff, darmstadt, staff",
            "darmstadt-auditor, darmstadt, auditor",
            "operator, platform, operator"})
    void every_demo_client_gets_a_token_naming_its_tenant_and_roles(String client, String tenant, String role) {
        HttpResponse<String> response = requestToken(client, "demo");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode claims = claims(json(response).get("access_token").asText());
        assertThat(claims.get("sub").asText()).isEqualTo(client);
        assertThat(claims.get("tenant_id").asText()).isEqualTo(tenant);
        assertThat(StreamSupport.stream(claims.get("roles").spliterator(), false).map(JsonNode::asText))
                .containsExactly(role);
    }

    @Test
    void a_wrong_client_secret_gets_no_token() {
        assertThat(requestToken("kent-admin", "not-the-secret").statusCode()).isEqualTo(401);
    }

    @Test
    void a_request_without_a_token_is_refused_with_a_401_problem() {
        HttpResponse<String> response = send(request("/api/tenants").GET().build());

        assertProblem(response, ProblemType.UNAUTHENTICATED);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void a_forged_token_is_refused_with_a_401_problem() {
        String forged = token("operator").substring(0, token("operator").length() - 6) + "AAAAAA";

        HttpResponse<String> response = send(request("/api/tenants")
                .header("Authorization", "Bearer " + forged).GET().build());

        assertProblem(response, ProblemType.UNAUTHENTICATED);
    }

    @Test
    void a_signed_token_without_a_valid_tenant_is_refused_with_a_401_problem() {
        for (String tenant : List.of("Not A Tenant", "")) {
            String token = signed(tenant);

            HttpResponse<String> response = send(request("/api/probe/caller")
                    .header("Authorization", "Bearer " + token).GET().build());

            assertProblem(response, ProblemType.UNAUTHENTICATED);
        }
        assertThat(send(request("/api/probe/caller")
                .header("Authorization", "Bearer " + signed("kent")).GET().build()).statusCode()).isEqualTo(200);
    }

    @Test
    void an_agency_admin_may_not_manage_tenants_and_gets_a_403_problem() {
        HttpResponse<String> response = get("/api/tenants", "kent-admin");

        assertProblem(response, ProblemType.FORBIDDEN);
    }

    @Test
    void a_controller_receives_the_caller_from_the_token() {
        JsonNode caller = json(get("/api/probe/caller", "krefeld-chair"));

        assertThat(caller.get("tenant").asText()).isEqualTo("krefeld");
        assertThat(caller.get("actor").asText()).isEqualTo("krefeld-chair");
        assertThat(caller.get("roles").get(0).asText()).isEqualTo("chair");
    }

    @Test
    void a_query_carries_the_tenant_and_actor_of_the_caller() {
        JsonNode metadata = json(get("/api/probe/query-metadata", "darmstadt-auditor"));

        assertThat(metadata.get("tenantId").asText()).isEqualTo("darmstadt");
        assertThat(metadata.get("actorId").asText()).isEqualTo("darmstadt-auditor");
        assertThat(metadata.get("actorRole").asText()).isEqualTo("auditor");
    }

    @Test
    void the_signing_key_is_kept_in_the_data_directory() {
        assertThat(dataDir().resolve("issuer-key.json")).exists();
    }

    @Test
    @DisplayName("a browser user logs in with the form and the web client gets a token by code with PKCE")
    void authorization_code_flow_with_pkce() throws Exception {
        String verifier = "a-verifier-that-is-long-enough-for-pkce-0123456789";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = "http://127.0.0.1:" + port + "/login/oauth2/code/roundtable";
        String authorize = "/oauth2/authorize?response_type=code&client_id=roundtable-web&scope=openid&state=s1"
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";

        HttpResponse<String> toLogin = send(request(authorize).header("Accept", "text/html").GET().build());
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(toLogin.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        HttpResponse<String> loginPage = send(request("/login").GET().build());
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> loggedIn = send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=kent-staff&password=demo&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build());
        assertThat(loggedIn.statusCode()).isEqualTo(302);

        String resume = loggedIn.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> toClient = send(HttpRequest.newBuilder(uri(resume.replaceFirst("^https?://[^/]+", "")))
                .GET().build());
        assertThat(toClient.statusCode()).isEqualTo(302);
        String location = toClient.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirect);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).isTrue();

        HttpResponse<String> token = send(request("/oauth2/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=roundtable-web"
                        + "&code=" + code.group(1)
                        + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                        + "&code_verifier=" + verifier))
                .build());
        assertThat(token.statusCode()).isEqualTo(200);
        JsonNode claims = claims(json(token).get("access_token").asText());
        assertThat(claims.get("sub").asText()).isEqualTo("kent-staff");
        assertThat(claims.get("tenant_id").asText()).isEqualTo("kent");
        assertThat(claims.get("roles").get(0).asText()).isEqualTo("staff");
    }

    private String signed(String tenant) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(jwkSource);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject("someone")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .claim("tenant_id", tenant)
                .claim("roles", List.of("admin"))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }
}
