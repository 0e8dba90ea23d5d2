package org.roundtable.participants.api;

/** Finds one participant of a tenant; answers an empty {@code Optional<ParticipantView>} otherwise. */
public record FindParticipant(String tenantId, String participantId) {
}
