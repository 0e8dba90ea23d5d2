package org.roundtable.networks.api;

/**
 * One network as the tenant may see it: in full while it is a member, as of its leaving once it has
 * left, and not at all (empty {@code Optional<NetworkView>}) if it never was a member.
 */
public record FindNetwork(String tenantId, String networkId) {
}
