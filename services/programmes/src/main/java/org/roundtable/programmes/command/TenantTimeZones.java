package org.roundtable.programmes.command;

import java.time.ZoneId;

/**
 * The time zone of a tenant, to tell whether a session date lies in the future. The server may
 * implement it from the tenant's settings; without an implementation every tenant is on UTC.
 */
public interface TenantTimeZones {

    ZoneId zoneOf(String tenantId);
}
