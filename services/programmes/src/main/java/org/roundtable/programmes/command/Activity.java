package org.roundtable.programmes.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
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
import org.roundtable.programmes.api.ActivityKind;
import org.roundtable.programmes.api.ActivityPlanned;
import org.roundtable.programmes.api.ActivityRescheduled;
import org.roundtable.programmes.api.ActivityRetired;
import org.roundtable.programmes.api.PlanActivity;
import org.roundtable.programmes.api.RescheduleActivity;
import org.roundtable.programmes.api.RetireActivity;
import org.roundtable.programmes.api.WeeklySchedule;

/** A recurring offer inside a programme, with a weekly schedule. Handlers answer the aggregate version. */
@Aggregate
class Activity {

    @AggregateIdentifier
    private String activityId;
    private String tenantId;
    private String programmeId;
    private ActivityKind kind;
    private String town;
    private LocalDate retiredFrom;

    Activity() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(PlanActivity command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                ProgrammeReferences references) {
        Rules.tenant(tenantId);
        Rules.id("activity id", command.activityId());
        Rules.id("programme id", command.programmeId());
        ProgrammeReferences.ProgrammeFacts programme = references.programme(tenantId, command.programmeId())
                .orElseThrow(() -> DomainException.notFound("programme"));
        if (programme.closed()) {
            throw DomainException.conflict("programme is closed");
        }
        String name = Rules.required("name", command.name(), Rules.MAX_NAME);
        if (command.kind() == null) {
            throw DomainException.rule("an activity needs a kind");
        }
        String audience = Rules.required("audience", command.audience(), Rules.MAX_TEXT);
        String activityTown = Rules.required("town", command.town(), Rules.MAX_TEXT);
        String venue = Rules.optional("venue", command.venue(), Rules.MAX_NAME);
        WeeklySchedule schedule = checkSchedule(command.schedule(), programme);
        Rules.size("languages", command.languages(), Rules.MAX_LIST);
        for (String language : command.languages()) {
            if (language == null || !Rules.LANGUAGE.matcher(language).matches()) {
                throw DomainException.rule("languages must be ISO 639 codes");
            }
        }
        Rules.size("partner organisations", command.partnerOrganisationIds(), Rules.MAX_LIST);
        for (String organisation : command.partnerOrganisationIds()) {
            Rules.id("partner organisation id", organisation);
            if (!references.partnerActive(tenantId, organisation)) {
                throw DomainException.rule("partner organisation is not an active partner of this agency: " + organisation);
            }
        }
        apply(new ActivityPlanned(command.activityId(), tenantId, command.programmeId(), name, command.kind(), audience,
                activityTown, venue, schedule, command.languages(), command.simpleLanguage(),
                command.partnerOrganisationIds()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RescheduleActivity command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                ProgrammeReferences references) {
        requireRunning(tenantId);
        ProgrammeReferences.ProgrammeFacts programme = references.programme(tenantId, programmeId)
                .orElseThrow(() -> DomainException.notFound("programme"));
        if (programme.closed()) {
            throw DomainException.conflict("programme is closed");
        }
        WeeklySchedule schedule = checkSchedule(command.schedule(), programme);
        apply(new ActivityRescheduled(activityId, schedule, Rules.optional("reason", command.reason(), Rules.MAX_REASON)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RetireActivity command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                ProgrammeReferences references) {
        requireRunning(tenantId);
        LocalDate from = command.from() == null ? references.today(tenantId) : command.from();
        apply(new ActivityRetired(activityId, from, Rules.optional("reason", command.reason(), Rules.MAX_REASON)));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(ActivityPlanned event) {
        activityId = event.activityId();
        tenantId = event.tenantId();
        programmeId = event.programmeId();
        kind = event.kind();
        town = event.town();
    }

    @EventSourcingHandler
    void on(ActivityRetired event) {
        retiredFrom = event.from();
    }

    /** What other aggregates of the same tenant may know of this activity; nothing for another tenant. */
    Optional<ProgrammeReferences.ActivityFacts> factsFor(String tenant) {
        if (!tenantId.equals(tenant)) {
            return Optional.empty();
        }
        return Optional.of(new ProgrammeReferences.ActivityFacts(activityId, programmeId, kind, town, retiredFrom));
    }

    private void requireRunning(String tenant) {
        // another tenant's activity must look exactly like a missing one
        if (!tenantId.equals(tenant)) {
            throw DomainException.notFound("activity");
        }
        if (retiredFrom != null) {
            throw DomainException.conflict("activity is retired");
        }
    }

    /** A schedule without an end runs until the programme ends; it must lie inside the programme period. */
    private static WeeklySchedule checkSchedule(WeeklySchedule requested, ProgrammeReferences.ProgrammeFacts programme) {
        if (requested == null || requested.days().isEmpty()) {
            throw DomainException.rule("a schedule needs at least one day of the week");
        }
        if (requested.startTime() == null || requested.endTime() == null
                || !requested.startTime().isBefore(requested.endTime())) {
            throw DomainException.rule("a schedule needs a start time before its end time");
        }
        LocalDate until = requested.until() == null ? programme.endDate() : requested.until();
        Rules.within("the schedule", requested.from(), until, programme.startDate(), programme.endDate());
        return new WeeklySchedule(requested.days(), requested.startTime(), requested.endTime(), requested.from(), until);
    }
}
