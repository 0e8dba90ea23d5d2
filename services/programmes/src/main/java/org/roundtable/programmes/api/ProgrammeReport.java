package org.roundtable.programmes.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A programme's figures for a period. Counts of people are {@link Figure}s: staff see exact values,
 * and {@code suppressed} flags the cells that must read "fewer than N" in anything that leaves the
 * agency (N is {@code smallGroupThreshold}). Attendances and headcounts are counted apart from
 * distinct people. {@code asOfPosition} is the ledger position the figures reflect, when known.
 */
public record ProgrammeReport(
        String programmeId,
        String name,
        LocalDate from,
        LocalDate to,
        Long asOfPosition,
        int smallGroupThreshold,
        Figure distinctParticipants,
        Figure erasedParticipants,
        List<Breakdown> byReachGroup,
        List<Breakdown> byTown,
        List<Breakdown> byAgeBand,
        Integer youngestAge,
        boolean youngestAgeSuppressed,
        Integer oldestAge,
        boolean oldestAgeSuppressed,
        int countriesOfOriginCount,
        List<Breakdown> countriesOfOrigin,
        List<Count> sessionsByKind,
        long sessionsHeld,
        List<Count> eventsByKind,
        long eventsHeld,
        long totalAttendances,
        List<Count> headcountsByGroup,
        long totalHeadcount,
        QuestionnaireFigures questionnaires,
        List<TargetProgress> targets) {

    /** A number of people; {@code suppressed} when it is above 0 and below the small-group threshold. */
    public record Figure(long value, boolean suppressed) {
    }

    /** People counted under one key (a reach group, town, age band or country). */
    public record Breakdown(String key, Figure people) {
    }

    /** A plain count (sessions, attendances, headcounts) under one key. */
    public record Count(String key, long count) {
    }

    /** Questionnaires sent in the period: recipients, returns and the return rate in percent. */
    public record QuestionnaireFigures(int questionnaires, long recipients, long returns, double returnRate) {
    }

    /**
     * A target measured over its own period: the actual, the percentage reached (one decimal) and what
     * remains (0 once met). {@code measured} is false for metrics another context counts; actual is then null.
     * {@code suppressed} flags an actual that counts people and must not leave the agency exactly.
     */
    public record TargetProgress(Target target, boolean measured, Long actual, Double percentage, Long remaining,
                                 boolean suppressed) {
    }
}
