package org.roundtable.programmes.api;

import org.axonframework.serialization.Revision;

/** A feedback note about a session was recorded. It is about the session and names no one. */
@Revision("1")
public record SessionFeedbackRecorded(String sessionId, String note) {
}
