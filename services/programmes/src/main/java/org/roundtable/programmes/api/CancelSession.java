package org.roundtable.programmes.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancels a session recorded by mistake or called off; it then counts in no figure. Result: the aggregate version. */
public record CancelSession(@TargetAggregateIdentifier String sessionId, String reason) {
}
