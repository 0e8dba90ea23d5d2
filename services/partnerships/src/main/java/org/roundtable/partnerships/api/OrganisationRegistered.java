package org.roundtable.partnerships.api;

import org.axonframework.serialization.Revision;

/** A partner organisation was registered. It holds no personal data: the contact is a role. */
@Revision("1")
public record OrganisationRegistered(
        String organisationId, String tenantId, String name, OrganisationKind kind, String town, String roleContact) {
}
