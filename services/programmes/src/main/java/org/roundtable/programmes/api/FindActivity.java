package org.roundtable.programmes.api;

/** One activity of a tenant; answers an empty {@code Optional<ActivityView>} otherwise. */
public record FindActivity(String tenantId, String activityId) {
}
