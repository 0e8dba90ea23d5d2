package org.roundtable.participants.api;

import java.time.Instant;

/** A consent currently in force. */
public record ConsentInForce(String purpose, String givenBy, Instant givenAt, String recordedBy) {
}
