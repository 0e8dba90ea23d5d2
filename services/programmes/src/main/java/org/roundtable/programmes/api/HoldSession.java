package org.roundtable.programmes.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a session was held: an occurrence of {@code activityId}, or, when it is null, a one-off
 * event of {@code programmeId} with a {@code kind} and a {@code title}. The whole register (individual
 * attendees, family check-ins and headcounts of unregistered people) is one command.
 * Result: the aggregate version.
 */
public record HoldSession(@TargetAggregateIdentifier String sessionId, String programmeId, String activityId,
                          ActivityKind kind, String title, String town, LocalDate date, List<String> facilitatorIds,
                          List<String> participantIds, List<FamilyCheckIn> families, List<Headcount> headcounts) {

    public HoldSession {
        facilitatorIds = facilitatorIds == null ? List.of() : List.copyOf(facilitatorIds);
        participantIds = participantIds == null ? List.of() : List.copyOf(participantIds);
        families = families == null ? List.of() : List.copyOf(families);
        headcounts = headcounts == null ? List.of() : List.copyOf(headcounts);
    }
}
