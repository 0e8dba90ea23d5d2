package org.roundtable.participants.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The subject-access export: everything this context holds about a person. After erasure,
 * {@code erased} is true and the personal fields read {@code [erased]} or null.
 */
public record ParticipantExport(
        String participantId,
        boolean erased,
        Instant erasedAt,
        String erasureReason,
        Instant registeredAt,
        String registeredBy,
        Instant lastCorrectedAt,
        String fullName,
        LocalDate birthDate,
        Integer birthYear,
        String gender,
        String countryOfOrigin,
        List<String> languages,
        String town,
        Set<String> reachGroups,
        List<ConsentRecord> consents,
        HouseholdLinks household,
        long version) {
}
