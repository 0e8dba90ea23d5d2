package org.roundtable.participants.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;
import org.roundtable.kernel.DataSubject;
import org.roundtable.kernel.PersonalData;

/**
 * A participant's profile was corrected. Only changed fields are set; {@code null} means unchanged
 * (and, after erasure, unreadable), and the fields named in {@code cleared} were removed.
 */
@Revision("1")
public record ParticipantCorrected(
        @DataSubject String participantId,
        @PersonalData String fullName,
        @PersonalData LocalDate birthDate,
        Integer birthYear,
        @PersonalData String gender,
        String countryOfOrigin,
        List<String> languages,
        String town,
        String guardianId,
        Set<String> reachGroups,
        Set<String> cleared,
        String reason) {

    public ParticipantCorrected {
        languages = languages == null ? null : List.copyOf(languages);
        reachGroups = reachGroups == null ? null : Set.copyOf(reachGroups);
        cleared = cleared == null ? Set.of() : Set.copyOf(cleared);
    }

    @Override
    public String toString() {
        return "ParticipantCorrected[participantId=" + participantId + "]";
    }
}
