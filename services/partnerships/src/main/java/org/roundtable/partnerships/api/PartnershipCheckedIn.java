package org.roundtable.partnerships.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A coordinator checked in on a partnership; the note, if any, names no one. */
@Revision("1")
public record PartnershipCheckedIn(
        String partnershipId, String checkInId, LocalDate checkedOn, CheckInAssessment assessment, String note) {
}
