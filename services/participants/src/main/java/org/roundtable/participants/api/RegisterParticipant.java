package org.roundtable.participants.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a person the programme works with. The tenant comes from the command's metadata.
 * {@code birthDate} or {@code birthYear} is required; the other profile fields are optional.
 * Its command result is the new aggregate version.
 */
public record RegisterParticipant(
        @TargetAggregateIdentifier String participantId,
        String fullName,
        LocalDate birthDate,
        Integer birthYear,
        String gender,
        String countryOfOrigin,
        List<String> languages,
        String town,
        String guardianId,
        Set<String> reachGroups,
        List<ConsentGrant> consents) {

    public RegisterParticipant {
        languages = languages == null ? List.of() : List.copyOf(languages);
        reachGroups = reachGroups == null ? Set.of() : Set.copyOf(reachGroups);
        consents = consents == null ? List.of() : List.copyOf(consents);
    }

    /** Personal data stays out of logs. */
    @Override
    public String toString() {
        return "RegisterParticipant[participantId=" + participantId + "]";
    }
}
