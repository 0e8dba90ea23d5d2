package org.roundtable.programmes.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Someone counted in a headcount has since registered with consent: adds them to the register and
 * takes one off the headcount of {@code group} (a reach group code or {@code organisation:<id>}).
 * Result: the aggregate version.
 */
public record AttachRegisteredAttendee(@TargetAggregateIdentifier String sessionId, String participantId, String group) {
}
