package org.roundtable.partnerships.api;

/** Finds one partnership of a tenant; an empty {@code Optional<PartnershipView>} otherwise. */
public record FindPartnership(String tenantId, String partnershipId) {
}
