package org.roundtable.partnerships.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a partner organisation of the caller's agency. {@code roleContact} names a role
 * ("head teacher", "duty officer"), never a person. Result: the aggregate version.
 */
public record RegisterOrganisation(
        @TargetAggregateIdentifier String organisationId, String name, OrganisationKind kind, String town,
        String roleContact) {
}
