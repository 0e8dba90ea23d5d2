package org.roundtable.server.tenancy.api;

/** One tenant by id; answers nothing when it does not exist. */
public record FindTenant(String tenantId) {
}
