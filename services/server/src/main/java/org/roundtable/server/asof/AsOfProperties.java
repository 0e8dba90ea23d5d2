package org.roundtable.server.asof;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of as-of queries.
 *
 * @param maxConcurrentReplays how many as-of replays may run at once; each one reads the ledger up to its
 *                             position and fills a scratch database, so more callers wait their turn
 * @param waitForReplay        how long a request waits for its turn before it is refused
 * @param leftoverAge          scratch databases older than this, left by a crashed instance, are dropped at start
 */
@ConfigurationProperties("roundtable.as-of")
public record AsOfProperties(Integer maxConcurrentReplays, Duration waitForReplay, Duration leftoverAge) {

    public AsOfProperties {
        maxConcurrentReplays = maxConcurrentReplays == null ? 2 : maxConcurrentReplays;
        waitForReplay = waitForReplay == null ? Duration.ofSeconds(30) : waitForReplay;
        leftoverAge = leftoverAge == null ? Duration.ofHours(1) : leftoverAge;
        if (maxConcurrentReplays < 1) {
            throw new IllegalArgumentException("roundtable.as-of.max-concurrent-replays must be at least 1");
        }
    }
}
