package org.roundtable.participants.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;

/** A participant as the directory stores it. {@code version} is the last aggregate sequence number applied. */
class ParticipantDocument {

    @Id
    String id;
    String tenantId;
    String fullName;
    /** Lower-cased name, for sorting without a collation. */
    String sortName;
    /** ISO-8601 date: stored as text so no time zone is ever applied to it. */
    String birthDate;
    Integer birthYear;
    String gender;
    String countryOfOrigin;
    List<String> languages = new ArrayList<>();
    String town;
    String guardianId;
    Set<String> reachGroups = new LinkedHashSet<>();
    List<ConsentEntry> consents = new ArrayList<>();
    boolean erased;
    Instant erasedAt;
    String erasureReason;
    Instant registeredAt;
    String registeredBy;
    Instant lastCorrectedAt;
    long version;

    static class ConsentEntry {
        String purpose;
        String givenBy;
        Instant givenAt;
        String recordedBy;
        Instant withdrawnAt;
        String withdrawnBy;
        Instant replacedAt;

        boolean inForce() {
            return withdrawnAt == null && replacedAt == null;
        }
    }
}
