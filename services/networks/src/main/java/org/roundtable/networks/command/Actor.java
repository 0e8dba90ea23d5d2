package org.roundtable.networks.command;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.roundtable.kernel.Roles;

/**
 * Who sends a command, from its metadata: the tenant and the role(s) it acts in. The server records
 * one role; a collection or a comma-separated list is read as several.
 */
record Actor(String tenantId, String actorId, Set<String> roles) {

    static Actor from(String tenantId, String actorId, Object roleMetadata) {
        if (tenantId == null) {
            throw new IllegalStateException("command without tenant metadata");
        }
        Stream<String> roles;
        if (roleMetadata instanceof Collection<?> many) {
            roles = many.stream().map(String::valueOf);
        } else if (roleMetadata != null) {
            roles = Stream.of(String.valueOf(roleMetadata).split("[,\\s]+"));
        } else {
            roles = Stream.empty();
        }
        return new Actor(tenantId, actorId, roles.map(String::strip).filter(role -> !role.isEmpty())
                .collect(Collectors.toUnmodifiableSet()));
    }

    boolean has(String role) {
        return roles.contains(role);
    }

    boolean isAdmin() {
        return has(Roles.ADMIN);
    }

    /** Chairing is done by users with the chair role or the agency's admins. */
    boolean mayChair() {
        return has(Roles.CHAIR) || has(Roles.ADMIN);
    }

    /** Users who work for their agency; auditors and operators only ever read. */
    boolean mayWork() {
        return has(Roles.ADMIN) || has(Roles.STAFF) || has(Roles.CHAIR);
    }
}
