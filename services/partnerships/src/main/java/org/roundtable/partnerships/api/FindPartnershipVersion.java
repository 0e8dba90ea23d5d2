package org.roundtable.partnerships.api;

/** Finds the aggregate version the register has caught up with for a partnership, or -1 if it has none. */
public record FindPartnershipVersion(String tenantId, String partnershipId) {
}
