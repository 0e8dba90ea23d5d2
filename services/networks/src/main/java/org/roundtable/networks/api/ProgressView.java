package org.roundtable.networks.api;

import java.time.Instant;

/** One step in an action item's history: the status it moved to, the note, when and by whom. */
public record ProgressView(ActionItemStatus status, String note, Instant at, String by) {
}
