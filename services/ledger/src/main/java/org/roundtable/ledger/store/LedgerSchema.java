package org.roundtable.ledger.store;

/**
 * The ledger's stored shape, shared by the storage engine, the sealer and the verifier.
 *
 * <p>One document per commit in {@link #EVENTS}: {@code _id} is the commit's first global position
 * (a long), {@link #LAST} its last. Its events sit in the {@link #EVENT_LIST} array, one entry per
 * position, so a commit becomes visible whole or not at all without multi-document transactions.
 * Every hot path is an equality or {@code $in} lookup on a unique single-field index ({@code _id}
 * or {@link #STREAM_KEYS}), which both a real MongoDB and the embedded server serve from an index.
 */
public final class LedgerSchema {

    /** Commit documents. */
    public static final String EVENTS = "ledger_events";
    /** Counters; the document {@code _id: "position"} holds the last reserved global position. */
    public static final String COUNTERS = "ledger_counters";
    public static final String POSITION_COUNTER = "position";
    public static final String COUNTER_VALUE = "value";
    /** Latest snapshot per aggregate, {@code _id} = aggregate identifier. */
    public static final String SNAPSHOTS = "ledger_snapshots";

    // commit document fields
    public static final String ID = "_id";
    public static final String LAST = "last";
    /** Tenant of the commit (all its events share it), or absent for platform events. */
    public static final String TENANT = "tenantId";
    /** Wall-clock time the writer stored the commit; informational, never used for ordering. */
    public static final String STORED_AT = "storedAt";
    /**
     * Unique multikey index: for every aggregate in the commit, {@code aggregateId + "/" + firstSequence}.
     * Readers only ever see whole commits, so a writer always appends at (seen end + 1); two writers
     * that saw the same end collide here, which is Axon's optimistic concurrency.
     */
    public static final String STREAM_KEYS = "k";
    public static final String EVENT_LIST = "events";

    // event entry fields (inside EVENT_LIST)
    public static final String POSITION = "p";
    public static final String EVENT_ID = "id";
    public static final String PAYLOAD_TYPE = "type";
    public static final String PAYLOAD_REVISION = "rev";
    public static final String AGGREGATE_ID = "agg";
    public static final String AGGREGATE_TYPE = "aggType";
    public static final String SEQUENCE = "seq";
    /** Event entries repeat {@link #TENANT} (taken from the event's metadata), so each is hashed with it. */
    /** The event's own timestamp as an ISO-8601 string (exact, so hashing sees what was stored). */
    public static final String TIMESTAMP = "ts";
    /** Serialized metadata, a JSON string. */
    public static final String METADATA = "meta";
    /** Serialized payload, a JSON string; personal-data fields inside are already encrypted. */
    public static final String PAYLOAD = "payload";

    public static String streamKey(String aggregateId, long sequence) {
        return aggregateId + "/" + sequence;
    }

    private LedgerSchema() {
    }
}
