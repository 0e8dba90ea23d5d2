package org.roundtable.partnerships.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A partnership's meetings, oldest first. */
public record PartnershipMeetings(String partnershipId, List<Meeting> items) {

    public record Meeting(String id, LocalDate meetingDate, String activity, Instant loggedAt, String loggedBy) {
    }
}
