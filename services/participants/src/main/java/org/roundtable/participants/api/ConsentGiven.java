package org.roundtable.participants.api;

import org.axonframework.serialization.Revision;

/** Consent for a purpose was given; the date and the recording actor are the event's timestamp and metadata. */
@Revision("1")
public record ConsentGiven(String participantId, String purpose, String givenBy) {
}
