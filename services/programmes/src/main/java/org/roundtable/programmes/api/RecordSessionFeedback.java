package org.roundtable.programmes.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a feedback note about a session (what went well, what to change). It is about the session,
 * not about a person: it must not name anyone. Result: the aggregate version.
 */
public record RecordSessionFeedback(@TargetAggregateIdentifier String sessionId, String note) {
}
