package org.roundtable.networks.api;

import java.util.List;

/**
 * A member agency's figures for a quarter, as computed from its programme report: distinct people
 * reached (never a person), sessions and one-off events, people reached by reach group. Small groups
 * come suppressed (null count, flag set). {@code ledgerPosition} is the ledger position the figures
 * were computed at, so the same figures can be reproduced later.
 */
public record QuarterFigures(Integer peopleReached, boolean peopleReachedSuppressed, int sessions, int events,
                             List<ReachGroupFigure> byReachGroup, long ledgerPosition) {

    public QuarterFigures {
        checkCount(peopleReached, peopleReachedSuppressed);
        if (sessions < 0 || events < 0 || ledgerPosition < 0) {
            throw new IllegalArgumentException("sessions, events and ledger position cannot be negative");
        }
        byReachGroup = byReachGroup == null ? List.of() : List.copyOf(byReachGroup);
    }

    static void checkCount(Integer count, boolean suppressed) {
        if (suppressed ? count != null : count == null || count < 0) {
            throw new IllegalArgumentException("a count is either suppressed (null) or a non-negative number");
        }
    }
}
