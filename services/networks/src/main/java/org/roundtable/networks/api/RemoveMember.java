package org.roundtable.networks.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ends a membership: the chair tenant's admins remove any member but the chair; a member tenant's
 * admins may also take their own tenant out. The member's history stays in the record.
 */
public record RemoveMember(@TargetAggregateIdentifier String networkId, String memberId, LocalDate leftOn,
                           String reason) {
}
