package org.roundtable.participants.api;

/**
 * Finds a tenant's participants, a page at a time (0-based). {@code name} is a case-insensitive
 * substring of the full name; {@code town} and {@code reachGroup} filter exactly. Null filters are ignored.
 */
public record FindParticipants(String tenantId, String name, String town, String reachGroup, int page, int size) {

    public static final int MAX_SIZE = 200;

    public FindParticipants {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size between 1 and " + MAX_SIZE);
        }
    }
}
