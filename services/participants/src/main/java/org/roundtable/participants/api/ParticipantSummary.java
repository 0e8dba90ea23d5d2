package org.roundtable.participants.api;

import java.util.Set;

/** A participant as a directory listing shows them. */
public record ParticipantSummary(
        String id, String fullName, Integer birthYear, String town, Set<String> reachGroups, boolean erased) {
}
