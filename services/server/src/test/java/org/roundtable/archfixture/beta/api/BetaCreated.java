package org.roundtable.archfixture.beta.api;

/** The fixture context's public event; other contexts may use it. */
public record BetaCreated(String id) {
}
