package org.roundtable.ledger.seal;

import java.time.Duration;

/**
 * Tuning of the sealer and the verifier.
 *
 * @param firstPosition the ledger's first global position (the store hands out 1, 2, 3, ...)
 * @param window        how many positions one {@code _id $in} lookup asks for
 * @param gapTimeout    how long a reserved but missing position is waited for before it is sealed as a gap;
 *                      must exceed the longest time a writer may take between reserving and writing
 * @param pollInterval  how often the sealer's thread looks for new commits when not woken
 */
public record SealSettings(long firstPosition, int window, Duration gapTimeout, Duration pollInterval) {

    public static final long FIRST_POSITION = 1;

    public SealSettings {
        if (window < 1) {
            throw new IllegalArgumentException("window must be positive");
        }
        if (gapTimeout.isNegative() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("gapTimeout must not be negative and pollInterval must be positive");
        }
    }

    public static SealSettings defaults() {
        return new SealSettings(FIRST_POSITION, 500, Duration.ofSeconds(10), Duration.ofMillis(200));
    }

    public SealSettings withGapTimeout(Duration timeout) {
        return new SealSettings(firstPosition, window, timeout, pollInterval);
    }

    public SealSettings withWindow(int size) {
        return new SealSettings(firstPosition, size, gapTimeout, pollInterval);
    }
}
