package org.roundtable.networks.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens an action item at a held meeting, owned by a current member and due on a date. */
public record OpenActionItem(@TargetAggregateIdentifier String networkId, String meetingId, String actionItemId,
                             String description, String ownerMemberId, LocalDate dueOn) {
}
