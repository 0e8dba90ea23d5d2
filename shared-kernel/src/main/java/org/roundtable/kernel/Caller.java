package org.roundtable.kernel;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: the tenant and actor taken from the verified token, and the roles it grants.
 * Controllers receive it as a method parameter; nothing in a request body, path or header can set it.
 */
public record Caller(TenantId tenantId, String actorId, Set<String> roles) {

    public Caller {
        Objects.requireNonNull(tenantId, "tenant");
        Objects.requireNonNull(actorId, "actor");
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public String tenant() {
        return tenantId.value();
    }
}
