package org.roundtable.partnerships.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Replaces an organisation's details. {@code expectedVersion} is the version the client last saw
 * (its ETag); a stale one is refused by Axon. Result: the aggregate version.
 */
public record UpdateOrganisation(
        @TargetAggregateIdentifier String organisationId, @TargetAggregateVersion Long expectedVersion,
        String name, OrganisationKind kind, String town, String roleContact) {
}
