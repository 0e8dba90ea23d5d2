package org.roundtable.partnerships.api;

/** Finds a partnership's meetings in date order; an empty {@code Optional<PartnershipMeetings>} if no such partnership. */
public record FindPartnershipMeetings(String tenantId, String partnershipId) {
}
