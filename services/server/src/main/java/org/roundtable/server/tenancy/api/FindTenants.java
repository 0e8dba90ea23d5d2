package org.roundtable.server.tenancy.api;

/** One page of the tenant directory, ordered by tenant id. */
public record FindTenants(int page, int size) {
}
