package org.roundtable.participants.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A participant's current profile. {@code version} is the aggregate version, served as the ETag. */
public record ParticipantView(
        String id,
        String fullName,
        LocalDate birthDate,
        Integer birthYear,
        String gender,
        String countryOfOrigin,
        List<String> languages,
        String town,
        String guardianId,
        Set<String> reachGroups,
        List<ConsentInForce> consents,
        boolean erased,
        Instant registeredAt,
        long version) {
}
