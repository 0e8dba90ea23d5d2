package org.roundtable.server.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.roundtable.kernel.MetadataKeys;

/**
 * Carries who, for which tenant and in which request from a handled message to every message it
 * causes. Axon's {@link MessageOriginProvider} supplies {@code traceId}; {@code correlationId} is
 * copied unchanged (Axon's provider would replace it by the parent's id), so that it keeps naming
 * the request that started the chain.
 */
final class AuditCorrelationDataProvider implements CorrelationDataProvider {

    private static final List<String> COPIED =
            List.of(MetadataKeys.TENANT_ID, MetadataKeys.ACTOR_ID, MetadataKeys.ACTOR_ROLE);

    private final MessageOriginProvider origin =
            new MessageOriginProvider(MetadataKeys.CORRELATION_ID, MetadataKeys.CAUSATION_ID);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>(origin.correlationDataFor(message));
        data.put(MetadataKeys.CORRELATION_ID,
                message.getMetaData().getOrDefault(MetadataKeys.CORRELATION_ID, message.getIdentifier()));
        for (String key : COPIED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        return data;
    }
}
