package org.roundtable.programmes.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A session's register. {@code attendees} are every registered person present (individuals and
 * families), each marked erased where the person's data was erased; {@code families} keeps the
 * check-in structure. Feedback notes are about the session, never about a person.
 */
public record SessionView(String id, String programmeId, String activityId, ActivityKind kind, boolean oneOff,
                          String title, String town, LocalDate date, List<String> facilitatorIds,
                          List<Attendee> attendees, List<FamilyCheckIn> families, List<Headcount> headcounts,
                          int totalHeadcount, boolean cancelled, String cancellationReason, List<String> feedback,
                          long version) {

    /** One registered person on the register. */
    public record Attendee(String participantId, boolean erased) {
    }
}
