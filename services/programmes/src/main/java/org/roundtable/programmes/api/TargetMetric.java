package org.roundtable.programmes.api;

/** What an engagement target counts. */
public enum TargetMetric {
    /** Distinct people reached (each counted once), optionally only those of one reach group. */
    DISTINCT_PARTICIPANTS,
    /** Sessions held of recurring activities, optionally only of one activity kind. */
    SESSIONS_HELD,
    /** One-off events held (festivals, community days). */
    EVENTS_HELD,
    /** Workshops for professionals held, recurring or one-off. */
    PROFESSIONAL_WORKSHOPS,
    /** Partnerships formed: counted by the partnerships context, so this report shows it as not measured. */
    PARTNERSHIPS_FORMED
}
