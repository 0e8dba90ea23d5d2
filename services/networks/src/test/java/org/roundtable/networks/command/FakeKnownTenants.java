package org.roundtable.networks.command;

import java.util.Set;

/** The demo tenants. */
final class FakeKnownTenants implements KnownTenants {

    private final Set<String> tenants = Set.of("kent", "krefeld", "darmstadt");

    @Override
    public boolean exists(String tenantId) {
        return tenants.contains(tenantId);
    }
}
