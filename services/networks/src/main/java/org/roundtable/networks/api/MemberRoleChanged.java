package org.roundtable.networks.api;

import org.axonframework.serialization.Revision;

/** A member's representative role changed. */
@Revision("1")
public record MemberRoleChanged(String networkId, String memberId, String role) implements NetworkEvent {
}
