package org.roundtable.server.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.server.security.Callers;
import org.roundtable.server.web.CorrelationIds;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Stamps every dispatched command or query with the tenant, actor and role of the authenticated
 * caller, and the request's correlation id. The values always come from the verified token, never
 * from what the message already says. A message dispatched while serving an HTTP request without
 * an authenticated caller is refused; background work (start-up, event handlers) dispatches with
 * the metadata it carries from its own unit of work.
 */
final class CallerMetadataInterceptor<T extends Message<?>> implements MessageDispatchInterceptor<T> {

    @Override
    public BiFunction<Integer, T, T> handle(List<? extends T> messages) {
        return (index, message) -> enrich(message);
    }

    @SuppressWarnings("unchecked")
    private T enrich(T message) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Optional<Caller> caller = Callers.current();
        if (caller.isEmpty()) {
            if (request != null) {
                throw new AuthenticationCredentialsNotFoundException(
                        "A message was dispatched while serving a request without an authenticated caller");
            }
            return message;
        }
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MetadataKeys.TENANT_ID, caller.get().tenant());
        metadata.put(MetadataKeys.ACTOR_ID, caller.get().actorId());
        metadata.put(MetadataKeys.ACTOR_ROLE, Callers.primaryRole(caller.get()));
        if (!message.getMetaData().containsKey(MetadataKeys.CORRELATION_ID)) {
            CorrelationIds.of(request).ifPresent(id -> metadata.put(MetadataKeys.CORRELATION_ID, id));
        }
        return (T) message.andMetaData(metadata);
    }
}
