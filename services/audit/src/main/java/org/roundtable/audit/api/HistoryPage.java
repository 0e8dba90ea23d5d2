package org.roundtable.audit.api;

import java.util.List;

/**
 * A page of history in ledger order.
 *
 * @param items             the matching events, by position
 * @param nextAfterPosition pass as {@code afterPosition} to continue: every position up to it has been looked at
 * @param hasMore           whether the page stopped early (limit or scan budget), so more may be read right now;
 *                          false means the readable end of the requested range was reached (new events may follow later)
 */
public record HistoryPage(List<HistoryEvent> items, long nextAfterPosition, boolean hasMore) {

    public HistoryPage {
        items = List.copyOf(items);
    }
}
