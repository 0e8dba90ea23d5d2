package org.roundtable.partnerships.api;

/**
 * Tallies a tenant's partnerships by purpose, one {@link PurposeTally} per purpose in declaration
 * order. A partnership with two purposes counts under both.
 */
public record CountPartnershipsByPurpose(String tenantId) {
}
