package org.roundtable.participants.api;

import java.util.List;

/** One page of a participant listing. */
public record ParticipantPage(List<ParticipantSummary> items, int page, int size, long total) {
}
