package org.roundtable.participants.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erases a participant's personal data (GDPR Art. 17) by crypto-shredding their key.
 * {@code reason} is optional and must not contain personal data. Result: the aggregate version.
 */
public record EraseParticipant(@TargetAggregateIdentifier String participantId, String reason) {
}
