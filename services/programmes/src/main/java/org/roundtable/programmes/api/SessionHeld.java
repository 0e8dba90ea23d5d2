package org.roundtable.programmes.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A session was held: an occurrence of {@code activityId}, or a one-off event ({@code oneOff}, no
 * activity) of the programme. Registered attendees are {@code participantIds} plus every guardian and
 * child of {@code families}; {@code headcounts} count people who are not registered.
 */
@Revision("1")
public record SessionHeld(String sessionId, String tenantId, String programmeId, String activityId, ActivityKind kind,
                          boolean oneOff, String title, String town, LocalDate date, List<String> facilitatorIds,
                          List<String> participantIds, List<FamilyCheckIn> families, List<Headcount> headcounts) {

    public SessionHeld {
        facilitatorIds = facilitatorIds == null ? List.of() : List.copyOf(facilitatorIds);
        participantIds = participantIds == null ? List.of() : List.copyOf(participantIds);
        families = families == null ? List.of() : List.copyOf(families);
        headcounts = headcounts == null ? List.of() : List.copyOf(headcounts);
    }

    /** Every registered attendee: individuals, guardians and their children, in register order. */
    public List<String> attendees() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(participantIds);
        for (FamilyCheckIn family : families) {
            all.add(family.guardianId());
            all.addAll(family.childIds());
        }
        return List.copyOf(all);
    }
}
