package org.roundtable.networks.api;

import java.time.LocalDate;

/** Every open action item due before {@code today}, by owner; answers an {@code Optional<OverdueActionItems>}. */
public record FindOverdueActionItems(String tenantId, String networkId, LocalDate today) {
}
