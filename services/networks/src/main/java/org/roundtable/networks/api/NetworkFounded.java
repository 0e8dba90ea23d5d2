package org.roundtable.networks.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A network was founded, chaired by {@code chairTenantId}. Followed by the chair tenant's admission. */
@Revision("1")
public record NetworkFounded(String networkId, String chairTenantId, String name, LocalDate foundedOn,
                             Cadence cadence, String purpose) implements NetworkEvent {
}
