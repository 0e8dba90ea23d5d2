package org.roundtable.participants.api;

/** Finds everything held about one participant (the subject-access export); an empty {@code Optional} otherwise. */
public record FindParticipantExport(String tenantId, String participantId) {
}
