package org.roundtable.kernel;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Read-your-writes for asynchronous projections: after a command, poll the read model (shared by all
 * instances in MongoDB) until it shows what the command wrote. Polling rather than a subscription query,
 * because with N instances the projection's segment may run on another node, whose update emitter this
 * node never hears. Pauses start at 2 ms and stay at or below 20 ms, so the answer follows the read
 * model closely (wide back-off steps showed up as tail latency of the register request).
 */
public final class ReadModelWait {

    private static final long FIRST_PAUSE_MILLIS = 2;
    private static final long MAX_PAUSE_MILLIS = 20;

    private ReadModelWait() {
    }

    /**
     * @return true once {@code caughtUp} holds; false if {@code limit} passed first (the write is committed,
     *     the client may briefly read an older state) or the thread was interrupted
     */
    public static boolean until(BooleanSupplier caughtUp, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (!caughtUp.getAsBoolean()) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return false;
            }
            try {
                Thread.sleep(Math.min(pause, remainingMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
        }
        return true;
    }

    /** Waits until a read model reports at least {@code version} (a version query answers null until it has the item). */
    public static boolean untilVersion(java.util.function.Supplier<Long> seen, long version, Duration limit) {
        return until(() -> {
            Long current = seen.get();
            return current != null && current >= version;
        }, limit);
    }
}
