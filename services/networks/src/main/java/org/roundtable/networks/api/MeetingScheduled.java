package org.roundtable.networks.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A meeting was scheduled with its agenda, including the open action items carried forward. */
@Revision("1")
public record MeetingScheduled(String networkId, String meetingId, LocalDate date, String place,
                               List<AgendaItem> agenda) implements NetworkEvent {

    public MeetingScheduled {
        agenda = agenda == null ? List.of() : List.copyOf(agenda);
    }
}
