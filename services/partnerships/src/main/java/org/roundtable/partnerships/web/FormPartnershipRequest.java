package org.roundtable.partnerships.web;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.roundtable.partnerships.api.FormPartnership;
import org.roundtable.partnerships.api.PartnershipPurpose;

/**
 * Body of {@code POST /api/partnerships}. {@code coordinatorId} is the coordinating staff member's
 * account id; it defaults to the caller.
 */
record FormPartnershipRequest(
        UUID id,
        @NotNull UUID firstPartnerId,
        @NotNull UUID secondPartnerId,
        @NotEmpty @Size(max = 4) Set<@NotNull PartnershipPurpose> purposes,
        @Size(min = 1, max = 100) String coordinatorId,
        @NotNull @Size(min = 1, max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9:._-]*") String programmeId,
        @NotNull @PastOrPresent LocalDate formedOn) {

    FormPartnership toCommand(String partnershipId, String caller) {
        return new FormPartnership(partnershipId, firstPartnerId.toString(), secondPartnerId.toString(), purposes,
                coordinatorId == null ? caller : coordinatorId, programmeId, formedOn);
    }
}
