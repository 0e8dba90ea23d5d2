package org.roundtable.server.wiring;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.partnerships.command.ProgrammeDirectory;
import org.roundtable.programmes.api.FindProgramme;
import org.roundtable.programmes.api.ProgrammeView;
import org.springframework.stereotype.Component;

/** A partnership belongs to a programme of the same tenant: asked of the programmes context's catalogue. */
@Component
class ProgrammeCatalogueDirectory implements ProgrammeDirectory {

    private final QueryGateway queries;

    ProgrammeCatalogueDirectory(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public boolean exists(String tenantId, String programmeId) {
        return queries.query(new FindProgramme(tenantId, programmeId),
                ResponseTypes.optionalInstanceOf(ProgrammeView.class)).join().isPresent();
    }
}
