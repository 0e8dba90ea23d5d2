package org.roundtable.participants.web;

import jakarta.validation.constraints.Size;

/** Optional body of {@code POST /api/participants/{id}/erasure}; the reason must not contain personal data. */
record ErasureRequest(@Size(max = 500) String reason) {
}
