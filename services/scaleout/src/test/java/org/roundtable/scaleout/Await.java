package org.roundtable.scaleout;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling with a deadline: the only way these tests wait. */
final class Await {

    private Await() {
    }

    /** Polls until the condition holds; returns how long that took, or fails with the description. */
    static Duration until(Duration timeout, String description, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long pause = 20;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + timeout + ": " + description);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting: " + description, e);
            }
            pause = Math.min(pause * 2, 250);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
