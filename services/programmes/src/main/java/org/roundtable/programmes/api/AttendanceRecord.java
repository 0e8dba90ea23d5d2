package org.roundtable.programmes.api;

import java.time.LocalDate;

/** One session a participant attended. */
public record AttendanceRecord(String sessionId, String programmeId, String activityId, ActivityKind kind,
                               boolean oneOff, String title, String town, LocalDate date) {
}
