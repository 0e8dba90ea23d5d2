package org.roundtable.server.wiring;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.networks.command.KnownTenants;
import org.roundtable.server.tenancy.api.FindTenant;
import org.roundtable.server.tenancy.api.TenantView;
import org.springframework.stereotype.Component;

/** Only agencies the operator created can become tenant members of a network. */
@Component
class TenantDirectoryKnownTenants implements KnownTenants {

    private final QueryGateway queries;

    TenantDirectoryKnownTenants(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public boolean exists(String tenantId) {
        return queries.query(new FindTenant(tenantId), ResponseTypes.optionalInstanceOf(TenantView.class))
                .join().isPresent();
    }
}
