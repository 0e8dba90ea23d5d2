package org.roundtable.server.tenancy.api;

import org.axonframework.serialization.Revision;

/** An agency was opened on the instance. Nothing in it is personal data. */
@Revision("1")
public record TenantCreated(String tenantId, String name, String country, String locale, String timeZone) {
}
