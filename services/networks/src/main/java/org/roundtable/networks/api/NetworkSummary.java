package org.roundtable.networks.api;

import java.time.LocalDate;

/** A network in a tenant's list. {@code leftOn} is set when the tenant is a former member. */
public record NetworkSummary(String networkId, String name, String chairTenantId, LocalDate foundedOn,
                             Cadence cadence, boolean member, LocalDate leftOn) {
}
