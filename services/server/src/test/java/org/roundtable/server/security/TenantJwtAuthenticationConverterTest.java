package org.roundtable.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.Caller;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

@DisplayName("Reading tenant and roles from a token")
class TenantJwtAuthenticationConverterTest {

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("someone")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void roles_become_role_authorities_and_unknown_roles_are_dropped() {
        var authentication = new TenantJwtAuthenticationConverter("roles")
                .convert(jwt(Map.of("tenant_id", "kent", "roles", List.of("staff", "superuser"))));

        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_staff");
        Caller caller = Callers.from(authentication).orElseThrow();
        assertThat(caller.tenant()).isEqualTo("kent");
        assertThat(caller.actorId()).isEqualTo("someone");
        assertThat(Callers.primaryRole(caller)).isEqualTo("staff");
    }

    @Test
    void keycloak_realm_roles_are_understood() {
        var authentication = new TenantJwtAuthenticationConverter("roles").convert(jwt(Map.of(
                "tenant_id", "krefeld",
                "realm_access", Map.of("roles", List.of("offline_access", "chair", "admin")))));

        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_chair", "ROLE_admin");
        assertThat(Callers.primaryRole(Callers.from(authentication).orElseThrow())).isEqualTo("admin");
    }

    @Test
    void a_configured_nested_claim_is_followed() {
        var authentication = new TenantJwtAuthenticationConverter("app.access.roles").convert(jwt(Map.of(
                "tenant_id", "kent", "app", Map.of("access", Map.of("roles", "auditor staff")))));

        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_auditor", "ROLE_staff");
    }

    @Test
    void a_token_without_a_valid_tenant_is_refused() {
        var converter = new TenantJwtAuthenticationConverter("roles");

        assertThatThrownBy(() -> converter.convert(jwt(Map.of("roles", List.of("admin")))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> converter.convert(jwt(Map.of("tenant_id", "KENT!"))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> converter.convert(jwt(Map.of("tenant_id", List.of("kent")))))
                .isInstanceOf(InvalidBearerTokenException.class);
    }
}
