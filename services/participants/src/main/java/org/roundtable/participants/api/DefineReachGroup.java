package org.roundtable.participants.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Defines a tenant's reach group (an audience it counts, e.g. {@code roma-community}). */
public record DefineReachGroup(@TargetAggregateIdentifier String reachGroupId, String code, String label) {

    /** Reach-group codes are per tenant, so the aggregate id joins both. */
    public static String idOf(String tenantId, String code) {
        return tenantId + ":" + code;
    }
}
