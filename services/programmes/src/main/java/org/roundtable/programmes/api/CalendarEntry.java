package org.roundtable.programmes.api;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One day's occurrence of an activity (times are the tenant's local time), or a one-off event held
 * ({@code activityId} null). {@code sessionId} names the recorded session, null while none is recorded.
 */
public record CalendarEntry(LocalDate date, String programmeId, String activityId, String name, ActivityKind kind,
                            String town, String venue, LocalTime startTime, LocalTime endTime, boolean recorded,
                            String sessionId) {
}
