package org.roundtable.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roundtable.server.security.TenantJwtAuthenticationConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@DisplayName("Tenant and actor metadata on dispatched messages")
class CallerMetadataInterceptorTest {

    private final CallerMetadataInterceptor<CommandMessage<?>> interceptor = new CallerMetadataInterceptor<>();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    private static void authenticate(String tenant, String subject, List<String> roles) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject(subject)
                .claim("tenant_id", tenant).claim("roles", roles)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new TenantJwtAuthenticationConverter("roles").convert(jwt));
    }

    private CommandMessage<?> dispatch(CommandMessage<?> command) {
        return interceptor.handle(List.of(command)).apply(0, command);
    }

    @Test
    void the_token_decides_tenant_and_actor_whatever_the_message_claims() {
        authenticate("kent", "kent-staff", List.of("staff"));
        CommandMessage<?> forged = GenericCommandMessage.asCommandMessage("cmd")
                .andMetaData(Map.of("tenantId", "krefeld", "actorId", "someone-else"));

        CommandMessage<?> stamped = dispatch(forged);

        assertThat(stamped.getMetaData()).containsEntry("tenantId", "kent")
                .containsEntry("actorId", "kent-staff")
                .containsEntry("actorRole", "staff");
    }

    @Test
    void a_message_dispatched_while_serving_an_unauthenticated_request_is_refused() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));

        assertThatThrownBy(() -> dispatch(GenericCommandMessage.asCommandMessage("cmd")))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void background_work_keeps_the_metadata_it_dispatches_with() {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage("cmd")
                .andMetaData(Map.of("tenantId", "platform", "actorId", "roundtable-bootstrap"));

        assertThat(dispatch(command).getMetaData()).isEqualTo(command.getMetaData());
    }

    @Test
    void events_keep_the_request_correlation_and_name_their_cause() {
        var provider = new AuditCorrelationDataProvider();
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage("cmd").andMetaData(Map.of(
                "tenantId", "kent", "actorId", "kent-staff", "actorRole", "staff", "correlationId", "request-1"));

        Map<String, Object> data = Map.copyOf(provider.correlationDataFor(command));

        assertThat(data).containsEntry("tenantId", "kent").containsEntry("actorId", "kent-staff")
                .containsEntry("actorRole", "staff").containsEntry("correlationId", "request-1")
                .containsEntry("traceId", command.getIdentifier());
        var event = GenericEventMessage.asEventMessage("event").andMetaData(data);
        assertThat(Map.<String, Object>copyOf(provider.correlationDataFor(event)))
                .containsEntry("correlationId", "request-1");
    }
}
