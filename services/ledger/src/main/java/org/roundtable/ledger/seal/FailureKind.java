package org.roundtable.ledger.seal;

/** What verification found wrong at the first failing position. */
public enum FailureKind {
    /** A stored event differs from the event that was sealed at its position. */
    ALTERED,
    /** A sealed commit or event is no longer stored. */
    REMOVED,
    /** A commit or event is stored where the seal says there was none (a gap, or inside another commit). */
    INSERTED,
    /** The seal records themselves do not form one unbroken chain up to the head. */
    CHAIN_BROKEN
}
