package org.roundtable.server.tenancy;

import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.kernel.ProblemType;
import org.roundtable.kernel.Roles;
import org.roundtable.server.tenancy.api.CreateTenant;
import org.roundtable.server.tenancy.api.TenantSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Creates the three demo agencies of the embedded default when they do not exist yet. The tenant
 * aggregate refuses an existing id, so running this on every start is harmless.
 */
@Component
@ConditionalOnProperty(name = "roundtable.security.mode", havingValue = "embedded", matchIfMissing = true)
class DemoTenantSeeder implements ApplicationRunner {

    static final String ACTOR = "roundtable-bootstrap";
    static final List<CreateTenant> DEMO_TENANTS = List.of(
            new CreateTenant("kent", "Kent Integrated Communities", "GB", "en-GB", "Europe/London"),
            new CreateTenant("krefeld", "Kommunales Integrationszentrum Krefeld", "DE", "de-DE", "Europe/Berlin"),
            new CreateTenant("darmstadt", "Diakonisches Werk Darmstadt, Kranichstein", "DE", "de-DE",
                    "Europe/Berlin"));

    private static final Logger log = LoggerFactory.getLogger(DemoTenantSeeder.class);

    private final CommandGateway commands;

    DemoTenantSeeder(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (CreateTenant tenant : DEMO_TENANTS) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(tenant).andMetaData(Map.of(
                        MetadataKeys.TENANT_ID, TenantSettings.PLATFORM_TENANT,
                        MetadataKeys.ACTOR_ID, ACTOR,
                        MetadataKeys.ACTOR_ROLE, Roles.OPERATOR)));
                log.info("Created demo tenant {}", tenant.tenantId());
            } catch (DomainException refusal) {
                if (refusal.type() != ProblemType.CONFLICT) {
                    throw refusal;
                }
            } catch (AggregateStreamCreationException | ConcurrencyException createdByAnotherInstance) {
                // several instances seeding an empty store at once: one wins, the others find the tenant there
            }
        }
    }
}
