package org.roundtable.partnerships.api;

import java.util.List;

/** One page of the organisation registry, ordered by name. */
public record OrganisationPage(List<OrganisationView> items, int page, int size, long total) {
}
