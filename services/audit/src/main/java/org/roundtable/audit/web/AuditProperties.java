package org.roundtable.audit.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code roundtable.audit.*}.
 *
 * @param signingKey    the Ed25519 key that signs digests and exports: PKCS8, base64 or PEM. When empty the
 *                      local default generates one in {@code <roundtable.data-dir>/digest-signing-key.pem};
 *                      production (and every instance of a cluster) must set the same key
 * @param readWindow    positions per {@code _id $in} read of the ledger
 * @param scanBudget    at most this many positions a history page passes before answering {@code hasMore}
 */
@ConfigurationProperties("roundtable.audit")
public record AuditProperties(String signingKey, Integer readWindow, Long scanBudget) {

    public AuditProperties {
        readWindow = readWindow == null ? 500 : readWindow;
        scanBudget = scanBudget == null ? 100_000L : scanBudget;
    }
}
