package org.roundtable.partnerships.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.roundtable.partnerships.api.EndPartnership;
import org.roundtable.partnerships.api.PartnershipOutcome;

/** Body of {@code POST /api/partnerships/{id}/end}; the reason must not contain personal data. */
record EndPartnershipRequest(@NotNull PartnershipOutcome outcome, @NotBlank @Size(max = 500) String reason,
                             @NotNull @PastOrPresent LocalDate endedOn) {

    EndPartnership toCommand(String partnershipId) {
        return new EndPartnership(partnershipId, outcome, reason, endedOn);
    }
}
