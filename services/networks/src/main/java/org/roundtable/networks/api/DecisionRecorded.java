package org.roundtable.networks.api;

import org.axonframework.serialization.Revision;

/** A decision was taken at a meeting, settling one of its agenda items. */
@Revision("1")
public record DecisionRecorded(String networkId, String meetingId, String decisionId, String agendaItemId,
                               String text) implements NetworkEvent {
}
