package org.roundtable.partnerships.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The partners met. {@code activity} is deliberately not {@code @PersonalData}: by rule it names no
 * one and says nothing about private life, so it survives either partner's erasure.
 */
@Revision("1")
public record PartnershipMeetingLogged(String partnershipId, String meetingId, LocalDate meetingDate, String activity) {
}
