package org.roundtable.partnerships.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An association's development over time: every support and milestone in date order, the
 * milestones reached (the first time each was reached), and the funding received per currency.
 */
public record AssociationDevelopment(
        String organisationId, String name, OrganisationKind kind, OrganisationStatus status,
        List<Entry> timeline, List<Reached> milestonesReached, List<Funding> fundingTotals, long version) {

    /** One step in the timeline: {@code type} is {@code support} or {@code milestone}, {@code what} its kind's code. */
    public record Entry(String id, LocalDate date, String type, String what, BigDecimal amount, String currency,
                        String note, Instant recordedAt, String recordedBy) {
    }

    public record Reached(Milestone milestone, LocalDate reachedOn, String evidence) {
    }

    public record Funding(String currency, BigDecimal total) {
    }
}
