package org.roundtable.networks.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the draft minutes of a held meeting; refused once the minutes are approved. */
public record ReviseMinutes(@TargetAggregateIdentifier String networkId, String meetingId, String minutes) {
}
