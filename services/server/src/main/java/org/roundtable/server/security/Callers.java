package org.roundtable.server.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.Roles;
import org.roundtable.kernel.TenantId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the {@link Caller} out of an authenticated bearer token. */
public final class Callers {

    /** The claim naming the caller's tenant, in embedded and external tokens alike. */
    public static final String TENANT_CLAIM = "tenant_id";
    /** The claim the embedded issuer puts the roles in. */
    public static final String ROLES_CLAIM = "roles";
    public static final String ROLE_PREFIX = "ROLE_";

    /** When a caller holds several roles, the first of these is the role it acts in. */
    private static final List<String> ROLE_PRECEDENCE =
            List.of(Roles.OPERATOR, Roles.ADMIN, Roles.CHAIR, Roles.STAFF, Roles.AUDITOR);

    private Callers() {
    }

    public static Optional<Caller> current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    /**
     * The caller of a verified bearer token, or of a browser sign-in through the issuer (its ID
     * token's claims); any other kind of authentication names no caller.
     */
    public static Optional<Caller> from(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        String tenant;
        String subject;
        if (authentication instanceof JwtAuthenticationToken token) {
            tenant = token.getToken().getClaimAsString(TENANT_CLAIM);
            subject = token.getToken().getSubject();
        } else if (authentication instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser user) {
            tenant = user.getClaimAsString(TENANT_CLAIM);
            subject = user.getSubject();
        } else {
            return Optional.empty();
        }
        if (!TenantId.isValid(tenant) || subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new Caller(new TenantId(tenant), subject, roles));
    }

    /** The single role recorded as {@code actorRole}; empty if the caller holds none we know. */
    public static String primaryRole(Caller caller) {
        return ROLE_PRECEDENCE.stream().filter(caller::hasRole).findFirst().orElse("");
    }

    public static boolean isKnownRole(String role) {
        return ROLE_PRECEDENCE.contains(role);
    }
}
