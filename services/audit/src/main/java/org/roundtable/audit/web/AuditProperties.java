package org.roundtable.audit.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code roundtable.audit.*}.
 *
 * @param signingKey    the Ed25519 key that signs digests and exports: PKCS8, base64 or PEM. When empty the
 *                      local default generates one in {@code <roundtable.data-dir>/digest-signing-key.pem};
 *                      production (and every instance of a cluster) must set the same key
 * @param readWindow    positions per {@code _id $in} read of the ledger
 * @param scanBudget    at most this many positions a history page passes before answering {@code hasMore}
 * @param importTrustedKeys the source instances' Ed25519 public keys (base64 or PEM) an imported export must be
 *                      signed with; empty to accept the key in the file, which proves integrity but not origin
 * @param maxImportSize the largest export an import accepts, in bytes
 */
@ConfigurationProperties("roundtable.audit")
public record AuditProperties(String signingKey, Integer readWindow, Long scanBudget, List<String> importTrustedKeys,
                              DataSize maxImportSize) {

    public AuditProperties {
        readWindow = readWindow == null ? 500 : readWindow;
        scanBudget = scanBudget == null ? 100_000L : scanBudget;
        importTrustedKeys = importTrustedKeys == null ? List.of() : List.copyOf(importTrustedKeys);
        maxImportSize = maxImportSize == null ? DataSize.ofGigabytes(2) : maxImportSize;
    }
}
