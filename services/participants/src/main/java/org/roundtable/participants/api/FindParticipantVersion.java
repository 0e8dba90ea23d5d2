package org.roundtable.participants.api;

/** Finds the aggregate version the directory has caught up with for a participant, or -1 if it has none. */
public record FindParticipantVersion(String tenantId, String participantId) {
}
