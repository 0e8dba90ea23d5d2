package org.roundtable.networks.api;

import java.time.LocalDate;
import java.util.List;

/** A meeting's detail: agenda, attendance by member id, minutes with their amendments, decisions and action items. */
public record MeetingView(String networkId, String meetingId, LocalDate date, String place, String status,
                          List<AgendaItem> agenda, List<String> present, List<String> absent, String minutes,
                          boolean minutesApproved, List<AmendmentView> amendments, List<DecisionView> decisions,
                          List<ActionItemView> actionItems) {
}
