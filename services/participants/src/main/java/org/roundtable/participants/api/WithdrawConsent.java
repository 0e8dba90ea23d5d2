package org.roundtable.participants.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraws the consent in force for a purpose. Result: the aggregate version. */
public record WithdrawConsent(@TargetAggregateIdentifier String participantId, String purpose) {
}
