package org.roundtable.networks.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Schedules a meeting. Open action items of earlier meetings are added to the agenda automatically,
 * after the items given here.
 */
public record ScheduleMeeting(@TargetAggregateIdentifier String networkId, String meetingId, LocalDate date,
                              String place, List<String> agenda) {

    public ScheduleMeeting {
        agenda = agenda == null ? List.of() : List.copyOf(agenda);
    }
}
