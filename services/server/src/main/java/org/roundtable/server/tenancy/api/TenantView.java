package org.roundtable.server.tenancy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A tenant as the directory shows it; {@code version} is the aggregate version (the ETag). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantView(String id, String name, String country, String locale, String timeZone, Instant createdAt,
                         long version) {
}
