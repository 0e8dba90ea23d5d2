package org.roundtable.programmes.api;

import org.axonframework.serialization.Revision;

/** A session was cancelled; it no longer counts in any figure. */
@Revision("1")
public record SessionCancelled(String sessionId, String reason) {
}
