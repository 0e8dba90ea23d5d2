package org.roundtable.participants.web;

import java.util.function.BooleanSupplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.participants.api.FindParticipantVersion;
import org.roundtable.participants.api.FindReachGroup;
import org.roundtable.participants.api.ReachGroupView;
import org.roundtable.kernel.ReadModelWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for the asynchronous projections: after a command, wait until the read model
 * shows the aggregate version the command produced. It polls the read model (MongoDB, shared by
 * all instances) rather than using a subscription query, because with N instances the projection
 * segment may be processed on another node, whose update emitter this node never hears.
 */
@Component
class ReadModelAwait {

    private static final Logger log = LoggerFactory.getLogger(ReadModelAwait.class);

    private final QueryGateway queries;
    private final ParticipantsProperties properties;

    ReadModelAwait(QueryGateway queries, ParticipantsProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    /** Waits until the directory has applied {@code version} of the participant; false if the wait timed out. */
    boolean participant(String tenantId, String participantId, long version) {
        return until(() -> {
            Long seen = queries.query(new FindParticipantVersion(tenantId, participantId), Long.class).join();
            return seen != null && seen >= version;
        });
    }

    /** Waits until the catalogue lists the reach group; false if the wait timed out. */
    boolean reachGroup(String tenantId, String code) {
        return until(() -> queries.query(new FindReachGroup(tenantId, code),
                ResponseTypes.optionalInstanceOf(ReachGroupView.class)).join().isPresent());
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
