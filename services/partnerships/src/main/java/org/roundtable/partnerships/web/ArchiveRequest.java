package org.roundtable.partnerships.web;

import jakarta.validation.constraints.Size;

/** Optional body of {@code POST /api/organisations/{id}/archive}; the reason must not contain personal data. */
record ArchiveRequest(@Size(max = 500) String reason) {
}
