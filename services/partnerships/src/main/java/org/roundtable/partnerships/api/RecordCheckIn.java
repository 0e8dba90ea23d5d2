package org.roundtable.partnerships.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a coordinator's check-in on a partnership. The optional {@code note} follows the same rule
 * as a meeting's activity: no names, nothing about private life. Result: the aggregate version.
 */
public record RecordCheckIn(
        @TargetAggregateIdentifier String partnershipId, String checkInId, LocalDate checkedOn,
        CheckInAssessment assessment, String note) {
}
