package org.roundtable.networks.api;

/** Lists the networks the tenant belongs or belonged to; answers a {@code List<NetworkSummary>}. */
public record FindNetworks(String tenantId) {
}
