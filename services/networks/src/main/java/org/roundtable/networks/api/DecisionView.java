package org.roundtable.networks.api;

import java.time.LocalDate;

/** A decision, the meeting it was taken at and the agenda item it settles. */
public record DecisionView(String decisionId, String meetingId, LocalDate date, String agendaItemId,
                           String agendaItem, String text) {
}
