package org.roundtable.networks.api;

import java.time.LocalDate;
import java.util.List;

/**
 * An action item. {@code status} and {@code overdue} are as of the view's date; {@code overdue} means
 * still open or in progress and due before that date.
 */
public record ActionItemView(String actionItemId, String meetingId, LocalDate openedOn, String description,
                             String ownerMemberId, String ownerName, LocalDate dueOn, ActionItemStatus status,
                             boolean overdue, List<ProgressView> history) {
}
