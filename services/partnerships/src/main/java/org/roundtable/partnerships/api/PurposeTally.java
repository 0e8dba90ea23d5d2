package org.roundtable.partnerships.api;

/** How many of a tenant's partnerships with a purpose are active and how many ended. */
public record PurposeTally(PartnershipPurpose purpose, long active, long ended) {
}
