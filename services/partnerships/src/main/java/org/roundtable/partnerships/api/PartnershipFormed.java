package org.roundtable.partnerships.api;

import java.time.LocalDate;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * An integration partnership was formed. Partners are referenced by participant id only: their
 * names stay in the participants context, so erasing a partner needs nothing from this event.
 */
@Revision("1")
public record PartnershipFormed(
        String partnershipId, String tenantId, String firstPartnerId, String secondPartnerId,
        Set<PartnershipPurpose> purposes, String coordinatorId, String programmeId, LocalDate formedOn) {

    public PartnershipFormed {
        purposes = Set.copyOf(purposes);
    }
}
