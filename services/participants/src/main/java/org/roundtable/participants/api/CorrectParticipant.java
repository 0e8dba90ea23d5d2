package org.roundtable.participants.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Corrects a participant's profile. A {@code null} field is left unchanged; a field named in
 * {@code cleared} is removed. {@code expectedVersion} is the version the client last saw (its ETag):
 * a stale one makes Axon refuse the command with a {@code ConflictingAggregateVersionException}.
 * Its command result is the new aggregate version.
 */
public record CorrectParticipant(
        @TargetAggregateIdentifier String participantId,
        @TargetAggregateVersion Long expectedVersion,
        String fullName,
        LocalDate birthDate,
        Integer birthYear,
        String gender,
        String countryOfOrigin,
        List<String> languages,
        String town,
        String guardianId,
        Set<String> reachGroups,
        Set<String> cleared,
        String reason) {

    /** Fields that may be cleared by a correction. */
    public static final Set<String> CLEARABLE =
            Set.of("birthDate", "gender", "countryOfOrigin", "languages", "town", "guardianId", "reachGroups");

    public CorrectParticipant {
        languages = languages == null ? null : List.copyOf(languages);
        reachGroups = reachGroups == null ? null : Set.copyOf(reachGroups);
        cleared = cleared == null ? Set.of() : Set.copyOf(cleared);
    }

    public boolean changesNothing() {
        return fullName == null && birthDate == null && birthYear == null && gender == null
                && countryOfOrigin == null && languages == null && town == null && guardianId == null
                && reachGroups == null && cleared.isEmpty();
    }

    @Override
    public String toString() {
        return "CorrectParticipant[participantId=" + participantId + ", expectedVersion=" + expectedVersion + "]";
    }
}
