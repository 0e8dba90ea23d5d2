package org.roundtable.programmes.api;

import java.time.LocalDate;

/**
 * An engagement target inside the programme period, e.g. 400 distinct people of {@code roma-community}
 * from 2026-01-01 until 2026-12-31. {@code reachGroup} narrows {@link TargetMetric#DISTINCT_PARTICIPANTS},
 * {@code activityKind} narrows {@link TargetMetric#SESSIONS_HELD}; both are null otherwise.
 */
public record Target(TargetMetric metric, String reachGroup, ActivityKind activityKind, long value,
                     LocalDate from, LocalDate until) {
}
