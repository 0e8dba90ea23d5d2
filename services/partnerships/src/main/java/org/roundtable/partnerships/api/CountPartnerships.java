package org.roundtable.partnerships.api;

import java.time.LocalDate;

/**
 * Counts a programme's partnerships in a period (both dates inclusive). Answers {@link PartnershipCounts}:
 * <ul>
 *   <li>{@code formed}: formed within the period;</li>
 *   <li>{@code active}: active on at least one day of the period (formed on or before {@code to},
 *       not ended before {@code from});</li>
 *   <li>{@code ended}: ended within the period.</li>
 * </ul>
 * A partnership with an erased partner still counts.
 */
public record CountPartnerships(String tenantId, String programmeId, LocalDate from, LocalDate to) {

    public CountPartnerships {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a period needs from <= to");
        }
    }
}
