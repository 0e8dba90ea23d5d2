package org.roundtable.programmes.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
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
import org.roundtable.programmes.api.ChangeTargets;
import org.roundtable.programmes.api.CloseProgramme;
import org.roundtable.programmes.api.Funding;
import org.roundtable.programmes.api.LaunchProgramme;
import org.roundtable.programmes.api.ProgrammeClosed;
import org.roundtable.programmes.api.ProgrammeLaunched;
import org.roundtable.programmes.api.ProgrammeTargetsChanged;
import org.roundtable.programmes.api.Target;
import org.roundtable.programmes.api.TargetMetric;

/** A funded piece of work with a period and engagement targets. Handlers answer the aggregate version. */
@Aggregate
class Programme {

    static final int MAX_TARGETS = 30;

    @AggregateIdentifier
    private String programmeId;
    private String tenantId;
    private LocalDate startDate;
    private LocalDate endDate;
    private boolean closed;

    Programme() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(LaunchProgramme command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId) {
        Rules.tenant(tenantId);
        Rules.id("programme id", command.programmeId());
        String name = Rules.required("name", command.name(), Rules.MAX_NAME);
        if (command.startDate() == null || command.endDate() == null || command.endDate().isBefore(command.startDate())) {
            throw DomainException.rule("a programme needs a start date and an end date that is not before it");
        }
        Rules.size("towns", command.towns(), Rules.MAX_LIST);
        List<String> towns = command.towns().stream().map(town -> Rules.required("town", town, Rules.MAX_TEXT)).toList();
        Rules.distinct("towns", towns);
        Rules.size("funders", command.funders(), Rules.MAX_LIST);
        command.funders().forEach(Programme::checkFunding);
        List<Target> targets = checkTargets(command.targets(), command.startDate(), command.endDate());
        apply(new ProgrammeLaunched(command.programmeId(), tenantId, name, command.startDate(), command.endDate(),
                towns, command.funders(), targets));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ChangeTargets command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId) {
        requireOpen(tenantId);
        String reason = Rules.required("reason", command.reason(), Rules.MAX_REASON);
        List<Target> targets = checkTargets(command.targets(), startDate, endDate);
        apply(new ProgrammeTargetsChanged(programmeId, targets, reason));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CloseProgramme command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId) {
        requireOpen(tenantId);
        apply(new ProgrammeClosed(programmeId, Rules.optional("reason", command.reason(), Rules.MAX_REASON)));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(ProgrammeLaunched event) {
        programmeId = event.programmeId();
        tenantId = event.tenantId();
        startDate = event.startDate();
        endDate = event.endDate();
    }

    @EventSourcingHandler
    void on(ProgrammeClosed event) {
        closed = true;
    }

    /** What other aggregates of the same tenant may know of this programme; nothing for another tenant. */
    Optional<ProgrammeReferences.ProgrammeFacts> factsFor(String tenant) {
        if (!tenantId.equals(tenant)) {
            return Optional.empty();
        }
        return Optional.of(new ProgrammeReferences.ProgrammeFacts(programmeId, startDate, endDate, closed));
    }

    private void requireOpen(String tenant) {
        // another tenant's programme must look exactly like a missing one
        if (!tenantId.equals(tenant)) {
            throw DomainException.notFound("programme");
        }
        if (closed) {
            throw DomainException.conflict("programme is closed");
        }
    }

    private static void checkFunding(Funding funding) {
        Rules.required("funder", funding.funder(), Rules.MAX_NAME);
        if (funding.type() == null) {
            throw DomainException.rule("funding type is required");
        }
        if (funding.amount() == null || funding.amount().compareTo(BigDecimal.ZERO) <= 0) {
            throw DomainException.rule("funding amount must be positive");
        }
        try {
            if (funding.currency() == null || !funding.currency().equals(Currency.getInstance(funding.currency()).getCurrencyCode())) {
                throw DomainException.rule("currency must be an ISO 4217 code");
            }
        } catch (IllegalArgumentException e) {
            throw DomainException.rule("currency must be an ISO 4217 code");
        }
    }

    /** Checks the targets; a target without its own period runs for the whole programme period. */
    private static List<Target> checkTargets(List<Target> requested, LocalDate start, LocalDate end) {
        Rules.size("targets", requested, MAX_TARGETS);
        List<Target> targets = requested.stream()
                .map(target -> new Target(target.metric(), target.reachGroup(), target.activityKind(), target.value(),
                        target.from() == null ? start : target.from(), target.until() == null ? end : target.until()))
                .toList();
        Rules.distinct("targets", targets);
        for (Target target : targets) {
            if (target.metric() == null) {
                throw DomainException.rule("a target needs a metric");
            }
            if (target.value() < 1) {
                throw DomainException.rule("a target value must be at least 1");
            }
            if (target.reachGroup() != null) {
                if (target.metric() != TargetMetric.DISTINCT_PARTICIPANTS) {
                    throw DomainException.rule("only a target of distinct participants can name a reach group");
                }
                Rules.code("reachGroup", target.reachGroup());
            }
            if (target.activityKind() != null && target.metric() != TargetMetric.SESSIONS_HELD) {
                throw DomainException.rule("only a target of sessions held can name an activity kind");
            }
            Rules.within("a target", target.from(), target.until(), start, end);
        }
        return targets;
    }
}
