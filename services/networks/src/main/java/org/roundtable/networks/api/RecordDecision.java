package org.roundtable.networks.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a decision taken at a held meeting, settling one of its agenda items. */
public record RecordDecision(@TargetAggregateIdentifier String networkId, String meetingId, String decisionId,
                             String agendaItemId, String text) {
}
