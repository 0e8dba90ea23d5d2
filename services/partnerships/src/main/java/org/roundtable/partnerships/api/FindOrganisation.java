package org.roundtable.partnerships.api;

/**
 * Finds one partner organisation of a tenant; answers an empty {@code Optional<OrganisationView>}
 * otherwise. Other contexts use its {@code status} to refuse archived organisations.
 */
public record FindOrganisation(String tenantId, String organisationId) {
}
