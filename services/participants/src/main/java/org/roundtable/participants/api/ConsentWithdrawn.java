package org.roundtable.participants.api;

import org.axonframework.serialization.Revision;

/** The consent in force for a purpose was withdrawn. */
@Revision("1")
public record ConsentWithdrawn(String participantId, String purpose) {
}
