package org.roundtable.partnerships.web;

import java.util.function.BooleanSupplier;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.partnerships.api.FindOrganisationVersion;
import org.roundtable.partnerships.api.FindPartnershipVersion;
import org.roundtable.kernel.ReadModelWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for the asynchronous projections: after a command, wait until the read model
 * shows the aggregate version the command produced. It polls the read model (MongoDB, shared by all
 * instances) rather than using a subscription query, because with N instances the projection
 * segment may be processed on another node, whose update emitter this node never hears.
 */
@Component
class ReadModelAwait {

    private static final Logger log = LoggerFactory.getLogger(ReadModelAwait.class);

    private final QueryGateway queries;
    private final PartnershipsProperties properties;

    ReadModelAwait(QueryGateway queries, PartnershipsProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    /** Waits until the registry has applied {@code version} of the organisation; false if the wait timed out. */
    boolean organisation(String tenantId, String organisationId, long version) {
        return until(() -> {
            Long seen = queries.query(new FindOrganisationVersion(tenantId, organisationId), Long.class).join();
            return seen != null && seen >= version;
        });
    }

    /** Waits until the register has applied {@code version} of the partnership; false if the wait timed out. */
    boolean partnership(String tenantId, String partnershipId, long version) {
        return until(() -> {
            Long seen = queries.query(new FindPartnershipVersion(tenantId, partnershipId), Long.class).join();
            return seen != null && seen >= version;
        });
    }

    private boolean until(BooleanSupplier caughtUp) {
        if (ReadModelWait.until(caughtUp, properties.readModelWait())) {
            return true;
        }
        // the write is committed; the client may briefly read an older state
        log.warn("read model did not catch up within {}", properties.readModelWait());
        return false;
    }
}
