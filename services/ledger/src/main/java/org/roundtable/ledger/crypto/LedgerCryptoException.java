package org.roundtable.ledger.crypto;

/**
 * A cryptographic operation failed for a reason other than erasure: a wrong master key, a corrupt
 * or tampered ciphertext, or a misconfigured JDK. Messages never carry plaintext.
 */
public class LedgerCryptoException extends RuntimeException {

    public LedgerCryptoException(String message) {
        super(message);
    }

    public LedgerCryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
