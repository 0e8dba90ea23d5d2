package org.roundtable.server.ui;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The web interface is on with the embedded issuer, and in {@code oidc} mode once a client
 * registration named {@code roundtable} is configured for the provider
 * ({@code spring.security.oauth2.client.registration.roundtable.*}); without one the server is API-only.
 */
class UiEnabledCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String mode = context.getEnvironment().getProperty("roundtable.security.mode", "embedded");
        // bound like Spring Boot binds it, so SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_ROUNDTABLE_CLIENTID counts too
        return "embedded".equalsIgnoreCase(mode) || Binder.get(context.getEnvironment())
                .bind("spring.security.oauth2.client.registration." + UiSecurityConfig.REGISTRATION_ID + ".client-id",
                        String.class)
                .isBound();
    }
}
