package org.roundtable.programmes.web;

import java.util.function.Supplier;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.programmes.api.FindActivityVersion;
import org.roundtable.programmes.api.FindProgrammeVersion;
import org.roundtable.programmes.api.FindQuestionnaireVersion;
import org.roundtable.programmes.api.FindSessionVersion;
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
    private static final long FIRST_PAUSE_MILLIS = 5;
    private static final long MAX_PAUSE_MILLIS = 100;

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
        long deadline = System.nanoTime() + properties.readModelWait().toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            Long current = seen.get();
            if (current != null && current >= version) {
                return true;
            }
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                // the write is committed; the client may briefly read an older state
                log.warn("programmes read model did not catch up within {}", properties.readModelWait());
                return false;
            }
            try {
                Thread.sleep(Math.min(pause, remainingMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
        }
    }
}
