package org.roundtable.ledger.config;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when neither a MongoDB URI nor a host is configured. */
class NoMongoConfiguredCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        String uri = environment.getProperty("spring.data.mongodb.uri");
        String host = environment.getProperty("spring.data.mongodb.host");
        if ((uri == null || uri.isBlank()) && (host == null || host.isBlank())) {
            return ConditionOutcome.match("no MongoDB configured: using the embedded default");
        }
        return ConditionOutcome.noMatch("a MongoDB is configured");
    }
}
