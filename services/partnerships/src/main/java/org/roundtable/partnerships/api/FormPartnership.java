package org.roundtable.partnerships.api;

import java.time.LocalDate;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Forms an integration partnership between two participants of the caller's agency, coordinated by
 * a staff member, within a programme. Result: a {@link PartnershipFormation} with the version and
 * any warnings (e.g. the pair is not one local and one immigrant participant).
 */
public record FormPartnership(
        @TargetAggregateIdentifier String partnershipId, String firstPartnerId, String secondPartnerId,
        Set<PartnershipPurpose> purposes, String coordinatorId, String programmeId, LocalDate formedOn) {

    public FormPartnership {
        purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
    }
}
