package org.roundtable.programmes.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An activity was retired: it has no occurrences from {@code from} on. */
@Revision("1")
public record ActivityRetired(String activityId, LocalDate from, String reason) {
}
