package org.roundtable.partnerships.api;

/** Finds a tenant's organisations by name, a page at a time (0-based); null filters are ignored. */
public record FindOrganisations(String tenantId, OrganisationKind kind, OrganisationStatus status, int page, int size) {

    public static final int MAX_SIZE = 200;

    public FindOrganisations {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size between 1 and " + MAX_SIZE);
        }
    }
}
