package org.roundtable.server.tenancy.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The operator opens a new agency on the instance. */
public record CreateTenant(@TargetAggregateIdentifier String tenantId, String name, String country, String locale,
                           String timeZone) {
}
