package org.roundtable.programmes.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retires an activity from {@code from} on (today when null): no occurrences or sessions from then. */
public record RetireActivity(@TargetAggregateIdentifier String activityId, LocalDate from, String reason) {
}
