package org.roundtable.programmes.api;

import org.axonframework.serialization.Revision;

/** An activity got a new weekly schedule. */
@Revision("1")
public record ActivityRescheduled(String activityId, WeeklySchedule schedule, String reason) {
}
