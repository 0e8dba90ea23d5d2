package org.roundtable.kernel;

/** Keys every command and event carries in its metadata: who, for which tenant, and why. */
public final class MetadataKeys {

    /** The agency the message belongs to; taken from the caller's token. */
    public static final String TENANT_ID = "tenantId";
    /** The authenticated subject that caused the message (a user or a client id). */
    public static final String ACTOR_ID = "actorId";
    /** The role the actor acted in, e.g. {@code admin}. */
    public static final String ACTOR_ROLE = "actorRole";
    /** Ties together every message caused by one request: the request's id, carried unchanged. */
    public static final String CORRELATION_ID = "correlationId";
    /** Axon's key for the first message of the chain that caused this one (Axon 4.13's {@code traceId}). */
    public static final String CAUSATION_ID = "traceId";
    /** A free-text reason, required for corrections. Never personal data. */
    public static final String REASON = "reason";

    private MetadataKeys() {
    }
}
