package org.roundtable.programmes.api;

import org.axonframework.serialization.Revision;

/** A person once counted in the headcount of {@code group} registered and was added to the register. */
@Revision("1")
public record RegisteredAttendeeAttached(String sessionId, String participantId, String group) {
}
