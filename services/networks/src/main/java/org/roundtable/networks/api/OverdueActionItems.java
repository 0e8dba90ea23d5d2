package org.roundtable.networks.api;

import java.time.LocalDate;
import java.util.List;

/** Every open action item due before {@code asOf}, grouped by owner. */
public record OverdueActionItems(String networkId, LocalDate asOf, List<Owner> owners) {

    /** One owner's overdue items, oldest due date first. */
    public record Owner(String memberId, String name, List<ActionItemView> items) {
    }
}
