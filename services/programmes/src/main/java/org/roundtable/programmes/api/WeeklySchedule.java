package org.roundtable.programmes.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.TreeSet;

/**
 * When an activity takes place: on these days of each week, from {@code startTime} to {@code endTime}
 * (local time of the tenant), between {@code from} and {@code until} inclusive.
 */
public record WeeklySchedule(Set<DayOfWeek> days, LocalTime startTime, LocalTime endTime, LocalDate from,
                             LocalDate until) {

    public WeeklySchedule {
        days = days == null ? Set.of() : Set.copyOf(new TreeSet<>(days));
    }

    /** Whether an occurrence falls on this date. */
    public boolean occursOn(LocalDate date) {
        return days.contains(date.getDayOfWeek()) && !date.isBefore(from) && (until == null || !date.isAfter(until));
    }
}
