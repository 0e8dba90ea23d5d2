package org.roundtable.networks.api;

/** The network's aggregate version the record shows, or -1 if the tenant may not see it; answers a {@code Long}. */
public record FindNetworkVersion(String tenantId, String networkId) {
}
