package org.roundtable.networks.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A tenant ({@code tenantId} set) or an outside organisation ({@code organisation} set) became a member. */
@Revision("1")
public record MemberAdmitted(String networkId, String memberId, String tenantId, String organisation, String role,
                             LocalDate admittedOn) implements NetworkEvent {
}
