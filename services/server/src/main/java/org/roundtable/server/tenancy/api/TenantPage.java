package org.roundtable.server.tenancy.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A page of tenants. */
public record TenantPage(List<TenantView> items, int page, int size, long totalItems) {

    public TenantPage {
        items = List.copyOf(items);
    }

    @JsonProperty
    public long totalPages() {
        return size == 0 ? 0 : (totalItems + size - 1) / size;
    }
}
