package org.roundtable.programmes.api;

import org.axonframework.serialization.Revision;

/** A programme was closed; the date is the event's timestamp. */
@Revision("1")
public record ProgrammeClosed(String programmeId, String reason) {
}
