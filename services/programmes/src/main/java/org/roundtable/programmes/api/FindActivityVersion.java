package org.roundtable.programmes.api;

/** The aggregate version the catalogue has applied for an activity, or -1 if it has none. */
public record FindActivityVersion(String tenantId, String activityId) {
}
