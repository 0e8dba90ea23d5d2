package org.roundtable.networks.api;

import java.time.LocalDate;

/** A meeting in a network's detail. {@code status} is {@code SCHEDULED} or {@code HELD}. */
public record MeetingSummary(String meetingId, LocalDate date, String place, String status, boolean minutesApproved) {
}
