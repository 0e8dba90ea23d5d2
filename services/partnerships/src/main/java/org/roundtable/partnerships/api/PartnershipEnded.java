package org.roundtable.partnerships.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A partnership ended with an outcome; its pair may form a new partnership afterwards. */
@Revision("1")
public record PartnershipEnded(String partnershipId, PartnershipOutcome outcome, String reason, LocalDate endedOn) {
}
