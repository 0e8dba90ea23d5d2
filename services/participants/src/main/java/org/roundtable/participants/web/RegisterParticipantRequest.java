package org.roundtable.participants.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.roundtable.participants.api.Consents;
import org.roundtable.participants.api.RegisterParticipant;

/** Body of {@code POST /api/participants}. The tenant is never part of it: it comes from the token. */
record RegisterParticipantRequest(
        UUID id,
        @NotBlank @Size(max = 200) String fullName,
        @PastOrPresent LocalDate birthDate,
        @Min(1900) @Max(2100) Integer birthYear,
        @Size(min = 1, max = 100) String gender,
        @Pattern(regexp = "[A-Z]{2}") String countryOfOrigin,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z]{2,3}") String> languages,
        @Size(min = 1, max = 100) String town,
        UUID guardianId,
        @Size(max = 20) Set<@NotNull @Pattern(regexp = Consents.CODE_REGEX) String> reachGroups,
        @Size(max = 20) List<@NotNull @Valid ConsentRequest> consents) {

    RegisterParticipant toCommand(String participantId) {
        return new RegisterParticipant(participantId, fullName, birthDate, birthYear, gender, countryOfOrigin,
                languages, town, guardianId == null ? null : guardianId.toString(), reachGroups,
                consents == null ? null : consents.stream().map(ConsentRequest::toGrant).toList());
    }

    @Override
    public String toString() {
        return "RegisterParticipantRequest[id=" + id + "]";
    }
}
