package org.roundtable.partnerships.api;

/** Finds the aggregate version the registry has caught up with for an organisation, or -1 if it has none. */
public record FindOrganisationVersion(String tenantId, String organisationId) {
}
