package org.roundtable.ledger.seal;

/**
 * The sealer's stored shape. One seal record per commit in {@link #SEALS}, keyed like the commit by
 * its first position; a position that was reserved but never written gets a gap record. The
 * sealer's progress is the single document {@code _id: "head"} in {@link #STATE}.
 */
public final class SealSchema {

    public static final String SEALS = "ledger_seals";
    public static final String STATE = "ledger_seal_state";
    public static final String HEAD_ID = "head";

    // seal record fields (plus _id, the first position, like the commit)
    public static final String LAST = "last";
    public static final String TENANT = "tenantId";
    /** Hex SHA-256 of each event's canonical bytes, in position order. */
    public static final String EVENT_HASHES = "eventHashes";
    /** Hex chain value after the record's last position. */
    public static final String CHAIN = "chain";
    /** Present and true on a gap record: a reserved position that was never written. */
    public static final String GAP = "gap";
    /** Marks the seal of a refused commit's reserved positions: a stored commit with no events. */
    public static final String EMPTY = "empty";

    // head document fields
    public static final String HEAD_POSITION = "position";
    public static final String HEAD_CHAIN = "chain";
    public static final String HEAD_SEALED_COMMITS = "sealedCommits";

    private SealSchema() {
    }
}
