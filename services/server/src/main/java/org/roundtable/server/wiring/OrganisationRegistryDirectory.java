package org.roundtable.server.wiring;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.partnerships.api.FindOrganisation;
import org.roundtable.partnerships.api.OrganisationStatus;
import org.roundtable.partnerships.api.OrganisationView;
import org.roundtable.programmes.command.PartnerOrganisationDirectory;
import org.springframework.stereotype.Component;

/** Activities may only newly reference active organisations of the tenant's own registry. */
@Component
class OrganisationRegistryDirectory implements PartnerOrganisationDirectory {

    private final QueryGateway queries;

    OrganisationRegistryDirectory(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public boolean isActive(String tenantId, String organisationId) {
        return queries.query(new FindOrganisation(tenantId, organisationId),
                        ResponseTypes.optionalInstanceOf(OrganisationView.class)).join()
                .map(organisation -> organisation.status() == OrganisationStatus.ACTIVE)
                .orElse(false);
    }
}
