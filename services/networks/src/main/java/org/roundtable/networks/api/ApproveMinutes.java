package org.roundtable.networks.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The chair approves a held meeting's minutes; they never change afterwards. */
public record ApproveMinutes(@TargetAggregateIdentifier String networkId, String meetingId) {
}
