package org.roundtable.partnerships.api;

import org.axonframework.serialization.Revision;

/** An organisation's details were replaced; every field holds its new value. */
@Revision("1")
public record OrganisationUpdated(
        String organisationId, String name, OrganisationKind kind, String town, String roleContact) {
}
