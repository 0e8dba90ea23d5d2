package org.roundtable.partnerships.api;

/** Partnership figures for a period; see {@link CountPartnerships} for what each number means. */
public record PartnershipCounts(long formed, long active, long ended) {
}
