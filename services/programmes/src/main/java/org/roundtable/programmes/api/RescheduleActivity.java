package org.roundtable.programmes.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives an activity a new weekly schedule. Result: the aggregate version. */
public record RescheduleActivity(@TargetAggregateIdentifier String activityId, WeeklySchedule schedule, String reason) {
}
