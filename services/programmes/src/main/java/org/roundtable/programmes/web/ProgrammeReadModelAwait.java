package org.roundtable.programmes.web;

import java.util.function.Supplier;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.programmes.api.FindActivityVersion;
import org.roundtable.programmes.api.FindProgrammeVersion;
import org.roundtable.programmes.api.FindQuestionnaireVersion;
import org.roundtable.programmes.api.FindSessionVersion;
import org.roundtable.kernel.ReadModelWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for the asynchronous projections: after a command, poll the read model (shared
 * by all instances in MongoDB) until it shows the aggregate version the command produced.
 */
@Component
class ProgrammeReadModelAwait {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeReadModelAwait.class);

    private final QueryGateway queries;
    private final ProgrammesProperties properties;

    ProgrammeReadModelAwait(QueryGateway queries, ProgrammesProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    boolean programme(String tenantId, String id, long version) {
        return until(version, () -> queries.query(new FindProgrammeVersion(tenantId, id), Long.class).join());
    }

    boolean activity(String tenantId, String id, long version) {
        return until(version, () -> queries.query(new FindActivityVersion(tenantId, id), Long.class).join());
    }

    boolean session(String tenantId, String id, long version) {
        return until(version, () -> queries.query(new FindSessionVersion(tenantId, id), Long.class).join());
    }

    boolean questionnaire(String tenantId, String id, long version) {
        return until(version, () -> queries.query(new FindQuestionnaireVersion(tenantId, id), Long.class).join());
    }

    private boolean until(long version, Supplier<Long> seen) {
        if (ReadModelWait.untilVersion(seen, version, properties.readModelWait())) {
            return true;
        }
        // the write is committed; the client may briefly read an older state
        log.warn("programmes read model did not catch up within {}", properties.readModelWait());
        return false;
    }
}
