package org.roundtable.networks.api;

import java.time.LocalDate;
import java.util.List;

/**
 * What the chair reviews for a quarter. {@code asOf} is the day statuses and overdue flags are taken
 * at: the quarter's last day, today while it runs, or the signing day of a signed review (whose
 * content is frozen at signing; {@code review} is then set).
 */
public record QuarterOutcomes(String networkId, Quarter quarter, LocalDate from, LocalDate to, LocalDate asOf,
                              List<MeetingSummary> meetings, List<MemberAttendance> attendance,
                              List<DecisionView> decisions, List<ActionItemView> actionItems,
                              List<OwnerActionItems> actionItemsByOwner, List<SharedFigures> figures,
                              FigureTotals totals, ReviewView review) {
}
