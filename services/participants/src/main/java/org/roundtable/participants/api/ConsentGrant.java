package org.roundtable.participants.api;

/** A consent given together with a registration: a purpose and who gave it ({@code self} or {@code guardian}). */
public record ConsentGrant(String purpose, String givenBy) {
}
