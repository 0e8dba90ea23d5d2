package org.roundtable.programmes.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Corrects a session's register: adds and removes registered attendees and sets headcounts
 * (a count of 0 removes the group). {@code reason} is required. Result: the aggregate version.
 */
public record CorrectAttendance(@TargetAggregateIdentifier String sessionId, List<String> added, List<String> removed,
                                List<Headcount> headcounts, String reason) {

    public CorrectAttendance {
        added = added == null ? List.of() : List.copyOf(added);
        removed = removed == null ? List.of() : List.copyOf(removed);
        headcounts = headcounts == null ? List.of() : List.copyOf(headcounts);
    }
}
