package org.roundtable.server.wiring;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.programmes.command.TenantTimeZones;
import org.roundtable.server.tenancy.api.FindTenant;
import org.roundtable.server.tenancy.api.TenantView;
import org.springframework.stereotype.Component;

/** "Today" for a tenant is the date in the time zone the operator set for it; UTC for an unknown tenant. */
@Component
class DirectoryTenantTimeZones implements TenantTimeZones {

    private final QueryGateway queries;
    private final ConcurrentMap<String, ZoneId> zones = new ConcurrentHashMap<>();

    DirectoryTenantTimeZones(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public ZoneId zoneOf(String tenantId) {
        ZoneId known = zones.get(tenantId);
        if (known != null) {
            return known;
        }
        Optional<TenantView> tenant = queries.query(new FindTenant(tenantId),
                ResponseTypes.optionalInstanceOf(TenantView.class)).join();
        if (tenant.isEmpty() || tenant.get().timeZone() == null) {
            return ZoneOffset.UTC; // not cached: the tenant may be created in a moment
        }
        try {
            ZoneId zone = ZoneId.of(tenant.get().timeZone());
            zones.put(tenantId, zone);
            return zone;
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
