package org.roundtable.programmes.api;

import java.math.BigDecimal;

/** A funder's share of a programme: a grant or the agency's own contribution, in an ISO 4217 currency. */
public record Funding(String funder, FundingType type, BigDecimal amount, String currency) {
}
