package org.roundtable.participants.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records consent for a purpose, given by the participant or their guardian. Result: the aggregate version. */
public record GiveConsent(@TargetAggregateIdentifier String participantId, String purpose, String givenBy) {
}
