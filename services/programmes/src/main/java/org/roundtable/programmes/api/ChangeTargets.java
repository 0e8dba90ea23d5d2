package org.roundtable.programmes.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a programme's targets; {@code reason} is required. Result: the aggregate version. */
public record ChangeTargets(@TargetAggregateIdentifier String programmeId, List<Target> targets, String reason) {

    public ChangeTargets {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
