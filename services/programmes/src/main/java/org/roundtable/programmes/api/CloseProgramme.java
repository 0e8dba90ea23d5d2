package org.roundtable.programmes.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes a programme: it takes no new sessions afterwards. Result: the aggregate version. */
public record CloseProgramme(@TargetAggregateIdentifier String programmeId, String reason) {
}
