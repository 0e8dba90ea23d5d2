package org.roundtable.networks.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves an action item to a status with a note; by the owner's representatives or the chair. */
public record ProgressActionItem(@TargetAggregateIdentifier String networkId, String actionItemId,
                                 ActionItemStatus status, String note) {
}
