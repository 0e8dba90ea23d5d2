package org.roundtable.participants.api;

/** Finds a tenant's reach groups, ordered by code. */
public record FindReachGroups(String tenantId) {
}
