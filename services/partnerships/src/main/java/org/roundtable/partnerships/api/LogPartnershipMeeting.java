package org.roundtable.partnerships.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Logs a meeting of the partners. {@code activity} says what they did ("cooked together",
 * "practised German at the library"); it is not about anyone's private life and must not name
 * people, so it is stored as nobody's personal data. Result: the aggregate version.
 */
public record LogPartnershipMeeting(
        @TargetAggregateIdentifier String partnershipId, String meetingId, LocalDate meetingDate, String activity) {
}
