package org.roundtable.networks.api;

/** People reached in a reach group summed across shares; {@code incomplete} when some share suppressed it. */
public record ReachGroupTotal(String reachGroup, int peopleReached, boolean incomplete) {
}
