package org.roundtable.participants.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.roundtable.participants.api.Consents;
import org.roundtable.participants.api.CorrectParticipant;

/**
 * Body of {@code PATCH /api/participants/{id}}, read as a JSON merge patch: an absent member is left
 * unchanged (the field stays {@code null}), a member set to JSON {@code null} is removed
 * ({@code Optional.empty()}), any other value replaces the current one. {@code reason} is not a
 * profile field: it says why the correction was made and must not contain personal data.
 */
final class CorrectParticipantRequest {

    // A class, not a record: Jackson gives an absent creator property the same Optional.empty() as a
    // JSON null, while an absent field is simply never set and stays null.
    @JsonProperty
    private Optional<@NotBlank @Size(max = 200) String> fullName;
    @JsonProperty
    private Optional<@PastOrPresent LocalDate> birthDate;
    @JsonProperty
    private Optional<@Min(1900) @Max(2100) Integer> birthYear;
    @JsonProperty
    private Optional<@Size(min = 1, max = 100) String> gender;
    @JsonProperty
    private Optional<@Pattern(regexp = "[A-Z]{2}") String> countryOfOrigin;
    @JsonProperty
    private Optional<@Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z]{2,3}") String>> languages;
    @JsonProperty
    private Optional<@Size(min = 1, max = 100) String> town;
    @JsonProperty
    private Optional<UUID> guardianId;
    @JsonProperty
    private Optional<@Size(max = 20) Set<@NotNull @Pattern(regexp = Consents.CODE_REGEX) String>> reachGroups;
    @JsonProperty
    @Size(max = 500)
    private String reason;

    /** Absent, null and a value mean three different things here, hence Optional fields that may be null. */
    CorrectParticipant toCommand(String participantId, long expectedVersion) {
        Set<String> cleared = new HashSet<>();
        return new CorrectParticipant(participantId, expectedVersion,
                value(fullName, "fullName", cleared),
                value(birthDate, "birthDate", cleared),
                value(birthYear, "birthYear", cleared),
                value(gender, "gender", cleared),
                value(countryOfOrigin, "countryOfOrigin", cleared),
                value(languages, "languages", cleared),
                value(town, "town", cleared),
                Optional.ofNullable(value(guardianId, "guardianId", cleared)).map(UUID::toString).orElse(null),
                value(reachGroups, "reachGroups", cleared),
                cleared,
                reason);
    }

    @Override
    public String toString() {
        return "CorrectParticipantRequest";
    }

        private static <T> T value(Optional<T> member, String field, Set<String> cleared) {
        if (member == null) {
            return null;
        }
        if (member.isEmpty()) {
            cleared.add(field);
            return null;
        }
        return member.get();
    }
}
