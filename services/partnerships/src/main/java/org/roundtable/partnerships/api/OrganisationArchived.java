package org.roundtable.partnerships.api;

import org.axonframework.serialization.Revision;

/** An organisation was archived; its history stays. */
@Revision("1")
public record OrganisationArchived(String organisationId, String reason) {
}
