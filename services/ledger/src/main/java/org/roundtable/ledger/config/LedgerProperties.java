package org.roundtable.ledger.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code roundtable.ledger.*}: the storage engine, the master key, the sealer.
 *
 * @param masterKey       base64 of 32 bytes wrapping every person's key; when empty the local default
 *                        keeps a generated one in {@code <data-dir>/master.key} (production must set it)
 * @param gapTimeout      how long readers wait for a reserved position before passing it as a gap
 * @param maxCommitDelay  writers slower than this between reserving and writing give up (below gapTimeout)
 * @param maxEventBytes   largest serialized event
 * @param batchSize       events per read from the ledger
 * @param claimTimeout    how long a processor's segment claim lives without renewal (instance failover)
 * @param sealer          whether this instance runs the sealer (every instance may; they agree)
 * @param processorBatchSize events a pooled streaming processor handles per transaction (and token update)
 * @param processorSegments  initial segment count of a pooled streaming processor; more than the cores only
 *                           adds hand-offs on one node, while several instances split segments among them
 */
@ConfigurationProperties("roundtable.ledger")
public record LedgerProperties(String masterKey, Duration gapTimeout, Duration maxCommitDelay, Long maxEventBytes,
                               Integer batchSize, Duration claimTimeout, Boolean sealer,
                               Integer processorBatchSize, Integer processorSegments) {

    public LedgerProperties {
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(10) : gapTimeout;
        maxCommitDelay = maxCommitDelay == null ? Duration.ofSeconds(3) : maxCommitDelay;
        maxEventBytes = maxEventBytes == null ? 1024L * 1024 : maxEventBytes;
        batchSize = batchSize == null ? 500 : batchSize;
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(10) : claimTimeout;
        sealer = sealer == null || sealer;
        processorBatchSize = processorBatchSize == null ? 100 : processorBatchSize;
        processorSegments = processorSegments == null ? 2 : processorSegments;
    }
}
