package org.roundtable.networks.api;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a meeting was held: which members were present (the others are absent) and the minutes. */
public record HoldMeeting(@TargetAggregateIdentifier String networkId, String meetingId, Set<String> present,
                          String minutes) {

    public HoldMeeting {
        present = present == null ? Set.of() : Set.copyOf(present);
    }
}
