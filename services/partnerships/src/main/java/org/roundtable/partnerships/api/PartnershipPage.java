package org.roundtable.partnerships.api;

import java.util.List;

/** One page of partnerships. */
public record PartnershipPage(List<PartnershipView> items, int page, int size, long total) {
}
