package org.roundtable.server.tenancy.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.TenantId;
import org.roundtable.server.tenancy.api.CreateTenant;
import org.roundtable.server.tenancy.api.TenantCreated;
import org.roundtable.server.tenancy.api.TenantSettings;

/**
 * An agency on the instance. Created with "create if missing" so that creating an existing tenant
 * is a refusal (409) decided by the tenant's own history, not by a read model that may lag.
 */
@Aggregate
class Tenant {

    @AggregateIdentifier
    private String tenantId;

    Tenant() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateTenant command) {
        if (tenantId != null) {
            throw DomainException.conflict("Tenant " + command.tenantId() + " already exists");
        }
        if (!TenantId.isValid(command.tenantId())) {
            throw DomainException.rule("A tenant id is 2-40 lower-case letters, digits or dashes");
        }
        if (TenantSettings.PLATFORM_TENANT.equals(command.tenantId())) {
            throw DomainException.rule("The tenant id '" + TenantSettings.PLATFORM_TENANT + "' is reserved");
        }
        if (command.name() == null || command.name().isBlank()) {
            throw DomainException.rule("A tenant needs a name");
        }
        if (!TenantSettings.isCountry(command.country())) {
            throw DomainException.rule("The country is not an ISO 3166 alpha-2 code");
        }
        if (!TenantSettings.isLocale(command.locale())) {
            throw DomainException.rule("The locale is not a language tag such as en-GB");
        }
        if (!TenantSettings.isTimeZone(command.timeZone())) {
            throw DomainException.rule("The time zone is not an IANA zone id such as Europe/Berlin");
        }
        apply(new TenantCreated(command.tenantId(), command.name().strip(), command.country(), command.locale(),
                command.timeZone()));
    }

    @EventSourcingHandler
    void on(TenantCreated event) {
        tenantId = event.tenantId();
    }
}
