package org.roundtable.server.ui;

import java.util.Set;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.Roles;

/**
 * Who is looking at a page, for the header and the navigation: the caller from the sign-in's ID token,
 * the agency's display name, and the interface language's tag.
 */
public record UiUser(String tenant, String tenantName, String actor, Set<String> roles, String language) {

    public static UiUser of(Caller caller, String tenantName, String language) {
        return new UiUser(caller.tenant(), tenantName, caller.actorId(), caller.roles(), language);
    }

    public boolean staff() {
        return roles.contains(Roles.STAFF) || roles.contains(Roles.ADMIN);
    }

    public boolean admin() {
        return roles.contains(Roles.ADMIN);
    }

    public boolean chair() {
        return roles.contains(Roles.CHAIR) || roles.contains(Roles.ADMIN);
    }

    public boolean auditor() {
        return roles.contains(Roles.AUDITOR) || roles.contains(Roles.ADMIN);
    }
}
