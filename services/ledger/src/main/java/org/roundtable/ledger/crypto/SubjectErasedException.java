package org.roundtable.ledger.crypto;

/**
 * Personal data was to be encrypted for a data subject whose key has been erased. Erasure is final:
 * a new key is never issued for an erased subject, so new personal data about them cannot be stored.
 */
public class SubjectErasedException extends RuntimeException {

    private final String subjectId;

    public SubjectErasedException(String subjectId) {
        super("Data subject " + subjectId + " has been erased; personal data can no longer be stored for it");
        this.subjectId = subjectId;
    }

    public String subjectId() {
        return subjectId;
    }
}
