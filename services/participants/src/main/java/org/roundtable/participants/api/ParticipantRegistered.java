package org.roundtable.participants.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;
import org.roundtable.kernel.DataSubject;
import org.roundtable.kernel.PersonalData;

/**
 * A participant was registered for a tenant. {@code birthYear}, {@code countryOfOrigin},
 * {@code languages}, {@code town} and {@code reachGroups} stay readable after erasure so the person
 * still counts in figures; the personal fields read as {@code null} once the subject is erased.
 */
@Revision("1")
public record ParticipantRegistered(
        @DataSubject String participantId,
        String tenantId,
        @PersonalData String fullName,
        @PersonalData LocalDate birthDate,
        Integer birthYear,
        @PersonalData String gender,
        String countryOfOrigin,
        List<String> languages,
        String town,
        String guardianId,
        Set<String> reachGroups) {

    public ParticipantRegistered {
        languages = languages == null ? List.of() : List.copyOf(languages);
        reachGroups = reachGroups == null ? Set.of() : Set.copyOf(reachGroups);
    }

    @Override
    public String toString() {
        return "ParticipantRegistered[participantId=" + participantId + ", tenantId=" + tenantId + "]";
    }
}
