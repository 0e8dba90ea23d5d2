package org.roundtable.partnerships.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a partnership with an outcome and a reason (no personal data). Result: the aggregate version. */
public record EndPartnership(
        @TargetAggregateIdentifier String partnershipId, PartnershipOutcome outcome, String reason, LocalDate endedOn) {
}
