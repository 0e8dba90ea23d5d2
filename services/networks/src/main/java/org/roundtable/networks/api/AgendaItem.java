package org.roundtable.networks.api;

/**
 * One item of a meeting's agenda. {@code carriedActionItemId} names the open action item of an
 * earlier meeting that was carried onto this agenda automatically; null for items the chair wrote.
 */
public record AgendaItem(String agendaItemId, String title, String carriedActionItemId) {
}
