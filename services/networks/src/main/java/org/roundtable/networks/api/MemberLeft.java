package org.roundtable.networks.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A membership ended: {@code removed} when the chair removed the member, false when the member left itself. */
@Revision("1")
public record MemberLeft(String networkId, String memberId, LocalDate leftOn, boolean removed, String reason)
        implements NetworkEvent {
}
