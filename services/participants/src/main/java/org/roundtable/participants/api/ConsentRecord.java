package org.roundtable.participants.api;

import java.time.Instant;

/**
 * One consent as history keeps it: given, and possibly withdrawn later, or replaced when it was
 * given again by someone else (e.g. by the participant themself instead of their guardian).
 */
public record ConsentRecord(
        String purpose, String givenBy, Instant givenAt, String recordedBy,
        boolean withdrawn, Instant withdrawnAt, String withdrawnBy, Instant replacedAt) {
}
