package org.roundtable.audit.api;

/**
 * The outcome of checking the whole ledger against its hash chain.
 *
 * @param ok              whether every sealed position matched its seal
 * @param verifiedThrough the last position verified good
 * @param chainHead       hex chain value after {@code verifiedThrough}
 * @param failure         the first failure, or null when ok
 */
public record VerificationReport(boolean ok, long verifiedThrough, String chainHead, Failure failure) {

    /**
     * @param position the first failing position
     * @param kind     {@code ALTERED}, {@code REMOVED}, {@code INSERTED} or {@code CHAIN_BROKEN}
     * @param detail   a sentence naming positions and fields only, never event contents
     */
    public record Failure(long position, String kind, String detail) {
    }
}
