package org.roundtable.networks.api;

import org.axonframework.serialization.Revision;

/** An action item moved to a new status, with a note about the work. */
@Revision("1")
public record ActionItemProgressed(String networkId, String actionItemId, ActionItemStatus status, String note)
        implements NetworkEvent {
}
