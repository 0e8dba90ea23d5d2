package org.roundtable.programmes.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A programme as the catalogue shows it; {@code version} is the aggregate version (the ETag). */
public record ProgrammeView(String id, String name, LocalDate startDate, LocalDate endDate, List<String> towns,
                            List<Funding> funders, List<Target> targets, boolean closed, Instant launchedAt,
                            Instant closedAt, long version) {
}
