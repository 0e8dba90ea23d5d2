package org.roundtable.networks.api;

import org.axonframework.serialization.Revision;

/** A correction was added beside approved minutes. */
@Revision("1")
public record MinutesAmended(String networkId, String meetingId, String amendmentId, String text)
        implements NetworkEvent {
}
