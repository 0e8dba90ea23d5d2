package org.roundtable.networks.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An action item was opened at a meeting, owned by a member. Its status starts as {@code OPEN}. */
@Revision("1")
public record ActionItemOpened(String networkId, String actionItemId, String meetingId, String description,
                               String ownerMemberId, LocalDate dueOn) implements NetworkEvent {
}
