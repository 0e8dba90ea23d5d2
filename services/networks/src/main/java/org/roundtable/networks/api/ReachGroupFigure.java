package org.roundtable.networks.api;

/**
 * Distinct people reached in one reach group. Below the small-group threshold the count is withheld:
 * {@code peopleReached} is null and {@code suppressed} is true.
 */
public record ReachGroupFigure(String reachGroup, Integer peopleReached, boolean suppressed) {

    public ReachGroupFigure {
        if (reachGroup == null || reachGroup.isBlank()) {
            throw new IllegalArgumentException("reach group is required");
        }
        QuarterFigures.checkCount(peopleReached, suppressed);
    }
}
