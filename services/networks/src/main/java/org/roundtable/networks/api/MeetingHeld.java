package org.roundtable.networks.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A meeting was held: the members present and absent (every member at the time is one or the other), and the minutes. */
@Revision("1")
public record MeetingHeld(String networkId, String meetingId, List<String> present, List<String> absent,
                          String minutes) implements NetworkEvent {

    public MeetingHeld {
        present = present == null ? List.of() : List.copyOf(present);
        absent = absent == null ? List.of() : List.copyOf(absent);
    }
}
