package org.roundtable.networks.api;

/** A quarter's action items of one owner: opened and done in the quarter; open and overdue at its cut-off. */
public record OwnerActionItems(String memberId, String name, int opened, int done, int open, int overdue) {
}
