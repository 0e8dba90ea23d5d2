package org.roundtable.participants.api;

/** Finds one reach group of a tenant by code; an empty {@code Optional<ReachGroupView>} otherwise. */
public record FindReachGroup(String tenantId, String code) {
}
