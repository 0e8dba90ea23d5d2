package org.roundtable.participants.api;

/** A reach group a tenant defined. */
public record ReachGroupView(String code, String label) {
}
