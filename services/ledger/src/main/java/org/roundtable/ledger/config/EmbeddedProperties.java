package org.roundtable.ledger.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code roundtable.embedded.*}: the in-process MongoDB used when no MongoDB URI is configured.
 *
 * @param backend {@code h2} (a file under the data directory, the default) or {@code memory} (tests)
 * @param port    loopback port; 0 picks a free one (the log names it), fix it to inspect with mongosh
 * @param sync    force every commit to the disk, not only to the operating system (power-loss safe, slower)
 * @param warnAtMegabytes warn at start-up when the store file is larger than this
 */
@ConfigurationProperties("roundtable.embedded")
public record EmbeddedProperties(String backend, Integer port, Boolean sync, Long warnAtMegabytes) {

    public EmbeddedProperties {
        backend = backend == null ? "h2" : backend;
        port = port == null ? 0 : port;
        sync = sync != null && sync;
        warnAtMegabytes = warnAtMegabytes == null ? 1024L : warnAtMegabytes;
    }
}
