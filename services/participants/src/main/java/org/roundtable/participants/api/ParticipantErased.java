package org.roundtable.participants.api;

import org.axonframework.serialization.Revision;

/** The participant's personal data was erased; their key is destroyed once this event is committed. */
@Revision("1")
public record ParticipantErased(String participantId, String reason) {
}
