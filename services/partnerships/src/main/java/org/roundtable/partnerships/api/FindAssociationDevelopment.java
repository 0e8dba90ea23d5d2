package org.roundtable.partnerships.api;

/** Finds an organisation's development over time; an empty {@code Optional<AssociationDevelopment>} otherwise. */
public record FindAssociationDevelopment(String tenantId, String organisationId) {
}
