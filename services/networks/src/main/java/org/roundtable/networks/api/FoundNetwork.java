package org.roundtable.networks.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Founds a network chaired by the caller's tenant (from the command's metadata), which becomes its
 * first member with {@code chairRole} as its representative role. Only that tenant's admins found one.
 */
public record FoundNetwork(@TargetAggregateIdentifier String networkId, String name, LocalDate foundedOn,
                           Cadence cadence, String purpose, String chairRole) {

    public FoundNetwork {
        cadence = cadence == null ? Cadence.QUARTERLY : cadence;
    }
}
