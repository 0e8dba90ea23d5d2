package org.roundtable.networks.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a correction beside approved minutes, which themselves stay unchanged. */
public record AmendMinutes(@TargetAggregateIdentifier String networkId, String meetingId, String amendmentId,
                           String text) {
}
