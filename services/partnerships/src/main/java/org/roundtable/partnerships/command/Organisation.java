package org.roundtable.partnerships.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.partnerships.api.ArchiveOrganisation;
import org.roundtable.partnerships.api.AssociationMilestoneReached;
import org.roundtable.partnerships.api.AssociationSupportRecorded;
import org.roundtable.partnerships.api.Milestone;
import org.roundtable.partnerships.api.OrganisationArchived;
import org.roundtable.partnerships.api.OrganisationKind;
import org.roundtable.partnerships.api.OrganisationRegistered;
import org.roundtable.partnerships.api.OrganisationUpdated;
import org.roundtable.partnerships.api.RecordAssociationSupport;
import org.roundtable.partnerships.api.RecordMilestone;
import org.roundtable.partnerships.api.RegisterOrganisation;
import org.roundtable.partnerships.api.SupportKind;
import org.roundtable.partnerships.api.UpdateOrganisation;

/**
 * A partner organisation in a tenant's registry, and, for associations, the support they received
 * and the milestones they reached. Organisations are archived, never deleted. Every handler answers
 * with the aggregate version after the command (the ETag, and what the web layer waits for).
 */
@Aggregate
class Organisation {

    /** Funding above this is surely a typo: no association grant here comes near it. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");

    @AggregateIdentifier
    private String organisationId;
    private String tenantId;
    private String name;
    private OrganisationKind kind;
    private String town;
    private String roleContact;
    private boolean archived;
    private final Set<String> entryIds = new HashSet<>();
    private final Set<Milestone> reached = EnumSet.noneOf(Milestone.class);

    Organisation() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(RegisterOrganisation command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId) {
        Checks.tenantPresent(tenantId);
        String id = Checks.required("organisation id", command.organisationId(), Checks.MAX_ID);
        apply(new OrganisationRegistered(id, tenantId,
                Checks.required("name", command.name(), Checks.MAX_NAME),
                Checks.present("kind", command.kind()),
                Checks.optional("town", command.town(), Checks.MAX_TEXT),
                Checks.optional("roleContact", command.roleContact(), Checks.MAX_TEXT)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(UpdateOrganisation command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId) {
        requireActive(tenantId);
        String newName = Checks.required("name", command.name(), Checks.MAX_NAME);
        OrganisationKind newKind = Checks.present("kind", command.kind());
        String newTown = Checks.optional("town", command.town(), Checks.MAX_TEXT);
        String newContact = Checks.optional("roleContact", command.roleContact(), Checks.MAX_TEXT);
        if (!(newName.equals(name) && newKind == kind && Objects.equals(newTown, town)
                && Objects.equals(newContact, roleContact))) {
            apply(new OrganisationUpdated(organisationId, newName, newKind, newTown, newContact));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ArchiveOrganisation command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId) {
        requireTenant(tenantId);
        String reason = Checks.optional("reason", command.reason(), Checks.MAX_REASON);
        if (!archived) {
            apply(new OrganisationArchived(organisationId, reason));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordAssociationSupport command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId) {
        requireAssociation(tenantId);
        String id = newEntryId("support id", command.supportId());
        SupportKind supportKind = Checks.present("kind", command.kind());
        BigDecimal amount = command.amount();
        String currency = command.currency();
        if (supportKind == SupportKind.FUNDING) {
            checkFunding(amount, currency);
        } else if (amount != null || currency != null) {
            throw DomainException.rule("only funding has an amount and a currency");
        }
        apply(new AssociationSupportRecorded(organisationId, id, supportKind,
                Checks.notInFuture("givenOn", command.givenOn()), amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY),
                currency, Checks.required("note", command.note(), Checks.MAX_NOTE)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordMilestone command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId) {
        requireAssociation(tenantId);
        String id = newEntryId("milestone id", command.milestoneId());
        Milestone milestone = Checks.present("milestone", command.milestone());
        if (milestone.reachedOnce() && reached.contains(milestone)) {
            throw DomainException.conflict("milestone already reached: " + milestone.code());
        }
        apply(new AssociationMilestoneReached(organisationId, id, milestone,
                Checks.notInFuture("reachedOn", command.reachedOn()),
                Checks.required("evidence", command.evidence(), Checks.MAX_NOTE)));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(OrganisationRegistered event) {
        organisationId = event.organisationId();
        tenantId = event.tenantId();
        name = event.name();
        kind = event.kind();
        town = event.town();
        roleContact = event.roleContact();
    }

    @EventSourcingHandler
    void on(OrganisationUpdated event) {
        name = event.name();
        kind = event.kind();
        town = event.town();
        roleContact = event.roleContact();
    }

    @EventSourcingHandler
    void on(OrganisationArchived event) {
        archived = true;
    }

    @EventSourcingHandler
    void on(AssociationSupportRecorded event) {
        entryIds.add(event.supportId());
    }

    @EventSourcingHandler
    void on(AssociationMilestoneReached event) {
        entryIds.add(event.milestoneId());
        reached.add(event.milestone());
    }

    private void requireTenant(String tenant) {
        // another tenant's organisation must look exactly like a missing one
        if (!tenantId.equals(tenant)) {
            throw DomainException.notFound("organisation");
        }
    }

    private void requireActive(String tenant) {
        requireTenant(tenant);
        if (archived) {
            throw DomainException.conflict("organisation is archived");
        }
    }

    private void requireAssociation(String tenant) {
        requireActive(tenant);
        if (!kind.isAssociation()) {
            throw DomainException.rule("support and milestones are recorded for associations only");
        }
    }

    private String newEntryId(String field, String id) {
        String entryId = Checks.required(field, id, Checks.MAX_ID);
        if (entryIds.contains(entryId)) {
            throw DomainException.conflict(field + " already recorded");
        }
        return entryId;
    }

    private static void checkFunding(BigDecimal amount, String currency) {
        if (amount == null || amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            throw DomainException.rule("funding needs an amount above 0 and at most " + MAX_AMOUNT.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw DomainException.rule("amount has at most two decimal places");
        }
        if (currency == null || Currency.getAvailableCurrencies().stream()
                .noneMatch(known -> known.getCurrencyCode().equals(currency))) {
            throw DomainException.rule("funding needs an ISO 4217 currency code");
        }
    }
}
