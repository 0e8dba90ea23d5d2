package org.roundtable.networks.api;

import org.axonframework.serialization.Revision;

/** The draft minutes of a held meeting were replaced before approval. */
@Revision("1")
public record MinutesRevised(String networkId, String meetingId, String minutes) implements NetworkEvent {
}
