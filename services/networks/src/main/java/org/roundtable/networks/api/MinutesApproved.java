package org.roundtable.networks.api;

import org.axonframework.serialization.Revision;

/** The chair approved a meeting's minutes; they are final from now on. */
@Revision("1")
public record MinutesApproved(String networkId, String meetingId) implements NetworkEvent {
}
