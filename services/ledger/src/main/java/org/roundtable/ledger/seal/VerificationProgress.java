package org.roundtable.ledger.seal;

/** Told how far a verification has come, in positions (events and gaps) of the range being verified. */
@FunctionalInterface
public interface VerificationProgress {

    VerificationProgress NONE = (done, total) -> { };

    void update(long done, long total);
}
