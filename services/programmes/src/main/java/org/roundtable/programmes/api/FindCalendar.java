package org.roundtable.programmes.api;

import java.time.LocalDate;

/**
 * The planned occurrences of a tenant's activities between {@code from} and {@code to} inclusive (of one
 * programme, or all when {@code programmeId} is null), plus the one-off events held; a {@code List<CalendarEntry>}.
 */
public record FindCalendar(String tenantId, String programmeId, LocalDate from, LocalDate to) {

    /** Occurrences are computed per day, so a calendar spans at most this many days. */
    public static final int MAX_DAYS = 400;
}
