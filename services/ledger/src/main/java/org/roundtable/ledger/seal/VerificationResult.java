package org.roundtable.ledger.seal;

/**
 * The outcome of verifying a range of the ledger.
 *
 * @param ok              whether every sealed position in the range matched its seal
 * @param verifiedThrough the last position verified good (positions beyond the sealed head cannot be verified yet)
 * @param failurePosition the first failing position, or {@code null} when ok
 * @param failureKind     what was wrong there, or {@code null} when ok
 * @param detail          a sentence for people; positions and field names only, never event contents
 * @param chainHead       hex chain value after {@code verifiedThrough}
 */
public record VerificationResult(boolean ok, long verifiedThrough, Long failurePosition, FailureKind failureKind,
                                 String detail, String chainHead) {

    static VerificationResult passed(long verifiedThrough, String chainHead) {
        return new VerificationResult(true, verifiedThrough, null, null,
                "verified through position " + verifiedThrough, chainHead);
    }

    static VerificationResult failed(long verifiedThrough, String chainHead, long position, FailureKind kind, String detail) {
        return new VerificationResult(false, verifiedThrough, position, kind, detail, chainHead);
    }
}
