package org.roundtable.programmes.api;

/** One session's register; answers an empty {@code Optional<SessionView>} when the tenant has no such session. */
public record FindSession(String tenantId, String sessionId) {
}
