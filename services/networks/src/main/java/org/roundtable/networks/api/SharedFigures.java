package org.roundtable.networks.api;

import java.time.Instant;

/** Figures a member shared for the quarter from one programme, with the ledger position they were computed at. */
public record SharedFigures(String memberId, String name, String programmeId, Instant sharedAt, String sharedBy,
                            QuarterFigures figures) {
}
