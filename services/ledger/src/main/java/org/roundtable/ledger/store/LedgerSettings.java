package org.roundtable.ledger.store;

import com.mongodb.WriteConcern;
import java.time.Duration;

/**
 * Tuning of the storage engine.
 *
 * @param gapTimeout      how long a reader waits for a reserved position before passing it as a gap
 * @param maxCommitDelay  a writer that took longer than this between reserving and writing gives up
 *                        (kept well below {@code gapTimeout}, so no reader can have passed its gap)
 * @param maxGapOffset    how far behind the newest position a gap is still remembered in a token
 * @param maxEventBytes   largest serialized event (payload plus metadata)
 * @param maxCommitBytes  largest commit; MongoDB's document limit is 16 MiB
 * @param writeConcern    {@code majority} and journaled on a replica set
 */
public record LedgerSettings(Duration gapTimeout, Duration maxCommitDelay, int maxGapOffset,
                             long maxEventBytes, long maxCommitBytes, WriteConcern writeConcern) {

    public LedgerSettings {
        if (maxCommitDelay.compareTo(gapTimeout) >= 0) {
            throw new IllegalArgumentException("maxCommitDelay must be shorter than gapTimeout");
        }
        if (maxCommitBytes > 15L * 1024 * 1024) {
            throw new IllegalArgumentException("a commit must stay below MongoDB's 16 MiB document limit");
        }
    }

    public static LedgerSettings defaults() {
        return new LedgerSettings(Duration.ofSeconds(10), Duration.ofSeconds(3), 10_000,
                1024 * 1024, 8L * 1024 * 1024, WriteConcern.MAJORITY.withJournal(true));
    }

    public LedgerSettings withGapTimeout(Duration gapTimeout, Duration maxCommitDelay) {
        return new LedgerSettings(gapTimeout, maxCommitDelay, maxGapOffset, maxEventBytes, maxCommitBytes,
                writeConcern);
    }

    public LedgerSettings withMaxEventBytes(long bytes) {
        return new LedgerSettings(gapTimeout, maxCommitDelay, maxGapOffset, bytes, maxCommitBytes, writeConcern);
    }

    public LedgerSettings withWriteConcern(WriteConcern concern) {
        return new LedgerSettings(gapTimeout, maxCommitDelay, maxGapOffset, maxEventBytes, maxCommitBytes, concern);
    }
}
