package org.roundtable.programmes.api;

/** The activities of a tenant's programme (all its programmes when {@code programmeId} is null); a {@code List<ActivityView>}. */
public record FindActivities(String tenantId, String programmeId) {
}
