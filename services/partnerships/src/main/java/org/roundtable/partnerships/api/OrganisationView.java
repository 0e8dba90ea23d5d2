package org.roundtable.partnerships.api;

import java.time.Instant;

/** A partner organisation as the registry shows it. {@code version} is the aggregate version (the ETag). */
public record OrganisationView(
        String id, String name, OrganisationKind kind, String town, String roleContact, OrganisationStatus status,
        Instant registeredAt, Instant archivedAt, String archiveReason, long version) {
}
