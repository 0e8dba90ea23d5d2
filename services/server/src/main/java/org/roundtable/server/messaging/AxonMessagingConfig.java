package org.roundtable.server.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who, for which tenant and why: the dispatch interceptors put it on commands and queries (Axon's
 * auto-configuration registers them on the gateways), the correlation providers copy it onto every
 * event and every message dispatched while handling one.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMessagingConfig {

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> callerCommandMetadata() {
        return new CallerMetadataInterceptor<>();
    }

    @Bean
    MessageDispatchInterceptor<QueryMessage<?, ?>> callerQueryMetadata() {
        return new CallerMetadataInterceptor<>();
    }

    /** The only provider: declaring one replaces Axon's default {@code MessageOriginProvider}, which it wraps. */
    @Bean
    CorrelationDataProvider auditCorrelationData() {
        return new AuditCorrelationDataProvider();
    }
}
