package org.roundtable.networks.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes the representative role of a member. */
public record ChangeMemberRole(@TargetAggregateIdentifier String networkId, String memberId, String role) {
}
