package org.roundtable.partnerships.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Archives an organisation: it stays in the registry and the history but can no longer be changed
 * or referenced. Archiving again changes nothing. Result: the aggregate version.
 */
public record ArchiveOrganisation(@TargetAggregateIdentifier String organisationId, String reason) {
}
