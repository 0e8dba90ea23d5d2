package org.roundtable.networks.web;

import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.networks.api.FindNetworkVersion;
import org.roundtable.kernel.ReadModelWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for the network record: after a command, wait until the record shows the
 * aggregate version it produced. It polls the record in MongoDB (shared by all instances) rather
 * than using a subscription query, because the projection segment may run on another node.
 */
@Component
class NetworkRecordAwait {

    private static final Logger log = LoggerFactory.getLogger(NetworkRecordAwait.class);

    private final QueryGateway queries;
    private final NetworksProperties properties;

    NetworkRecordAwait(QueryGateway queries, NetworksProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    /** Waits until the record has applied {@code version} as the tenant sees it; false if the wait timed out. */
    boolean network(String tenantId, String networkId, long version) {
        if (ReadModelWait.untilVersion(
                () -> queries.query(new FindNetworkVersion(tenantId, networkId), Long.class).join(),
                version, properties.readModelWait())) {
            return true;
        }
        // the write is committed; the client may briefly read an older state
        log.warn("network record did not catch up within {}", properties.readModelWait());
        return false;
    }
}
