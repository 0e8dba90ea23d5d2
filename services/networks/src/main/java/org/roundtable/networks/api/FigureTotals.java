package org.roundtable.networks.api;

import java.util.List;

/**
 * Sums across the members' shares. People are distinct within one agency's figures only, so the total
 * may count a person reached by two agencies twice. {@code peopleReachedIncomplete} marks a total that
 * leaves out suppressed counts.
 */
public record FigureTotals(int shares, int peopleReached, boolean peopleReachedIncomplete, int sessions, int events,
                           List<ReachGroupTotal> byReachGroup) {
}
