package org.roundtable.partnerships.api;

/**
 * Finds a tenant's partnerships, newest formed first, a page at a time (0-based). Null filters are
 * ignored; {@code participantId} finds the partnerships that participant is a partner in.
 */
public record FindPartnerships(
        String tenantId, PartnershipStatus status, PartnershipPurpose purpose, String participantId,
        String programmeId, int page, int size) {

    public static final int MAX_SIZE = 100;

    public FindPartnerships {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size between 1 and " + MAX_SIZE);
        }
    }
}
