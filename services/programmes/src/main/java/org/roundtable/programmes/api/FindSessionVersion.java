package org.roundtable.programmes.api;

/** The aggregate version the session register has applied, or -1 if it has none. */
public record FindSessionVersion(String tenantId, String sessionId) {
}
