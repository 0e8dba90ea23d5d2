package org.roundtable.networks.api;

import java.time.LocalDate;

/**
 * The chair's view of a quarter; answers an {@code Optional<QuarterOutcomes>}. A signed quarter
 * answers what the review froze; otherwise the quarter as of its last day, or {@code today} while it runs.
 */
public record FindQuarterOutcomes(String tenantId, String networkId, Quarter quarter, LocalDate today) {
}
