package org.roundtable.server.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roundtable.kernel.TenantId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified JWT into an authentication: the tenant must be a valid {@code tenant_id}, the
 * roles come from a configurable claim (Keycloak's {@code realm_access.roles} is understood too),
 * and become {@code ROLE_<role>} authorities. Unknown roles are ignored rather than trusted.
 */
public final class TenantJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String KEYCLOAK_REALM_ROLES = "realm_access.roles";

    private final String rolesClaim;

    public TenantJwtAuthenticationConverter(String rolesClaim) {
        this.rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? Callers.ROLES_CLAIM : rolesClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Object tenant = jwt.getClaims().get(Callers.TENANT_CLAIM);
        if (!(tenant instanceof String value) || !TenantId.isValid(value)) {
            throw new InvalidBearerTokenException("The token names no valid tenant");
        }
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            throw new InvalidBearerTokenException("The token names no subject");
        }
        List<GrantedAuthority> authorities = knownRoles(jwt.getClaims()).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(Callers.ROLE_PREFIX + role))
                .toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    /**
     * The known roles a set of claims grants, read from the configured claim (or Keycloak's realm
     * roles when that claim is absent); used for ID tokens of browser sign-ins as for access tokens.
     */
    public Set<String> knownRoles(Map<String, Object> claims) {
        Set<String> roles = rolesAt(claims, rolesClaim);
        if (roles.isEmpty() && !KEYCLOAK_REALM_ROLES.equals(rolesClaim)) {
            roles = rolesAt(claims, KEYCLOAK_REALM_ROLES);
        }
        Set<String> known = new LinkedHashSet<>();
        roles.stream().filter(Callers::isKnownRole).forEach(known::add);
        return known;
    }

    private static Set<String> rolesAt(Map<String, Object> claims, String path) {
        Object node = claims;
        for (String part : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return Set.of();
            }
            node = map.get(part);
        }
        Set<String> roles = new LinkedHashSet<>();
        if (node instanceof Collection<?> values) {
            values.stream().filter(String.class::isInstance).map(String.class::cast).forEach(roles::add);
        } else if (node instanceof String value) {
            for (String role : value.split("[\\s,]+")) {
                if (!role.isBlank()) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
