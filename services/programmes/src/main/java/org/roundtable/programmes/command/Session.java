package org.roundtable.programmes.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import org.roundtable.participants.api.Consents;
import org.roundtable.programmes.api.ActivityKind;
import org.roundtable.programmes.api.AttachRegisteredAttendee;
import org.roundtable.programmes.api.AttendanceCorrected;
import org.roundtable.programmes.api.CancelSession;
import org.roundtable.programmes.api.CorrectAttendance;
import org.roundtable.programmes.api.FamilyCheckIn;
import org.roundtable.programmes.api.Headcount;
import org.roundtable.programmes.api.HoldSession;
import org.roundtable.programmes.api.RecordSessionFeedback;
import org.roundtable.programmes.api.RegisteredAttendeeAttached;
import org.roundtable.programmes.api.SessionCancelled;
import org.roundtable.programmes.api.SessionFeedbackRecorded;
import org.roundtable.programmes.api.SessionHeld;

/**
 * A session that was held (an occurrence of an activity or a one-off event) with its register:
 * registered attendees and headcounts of people not registered. Its state holds ids and counts
 * only. Handlers answer the aggregate version.
 */
@Aggregate
class Session {

    static final int MAX_REGISTER = 500;
    static final int MAX_HEADCOUNT = 100_000;

    @AggregateIdentifier
    private String sessionId;
    private String tenantId;
    private boolean cancelled;
    private final Set<String> attendees = new HashSet<>();
    private final Map<String, Integer> headcounts = new HashMap<>();

    Session() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(HoldSession command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                ProgrammeReferences references) {
        Rules.tenant(tenantId);
        Rules.id("session id", command.sessionId());
        String programmeId = command.programmeId();
        ActivityKind kind = command.kind();
        String town = Rules.optional("town", command.town(), Rules.MAX_TEXT);
        String title = Rules.optional("title", command.title(), Rules.MAX_NAME);
        LocalDate date = command.date();
        if (date == null) {
            throw DomainException.rule("a session needs its date");
        }
        boolean oneOff = command.activityId() == null;
        if (oneOff) {
            Rules.id("programme id", programmeId);
            if (kind == null || title == null) {
                throw DomainException.rule("a one-off event needs a kind and a title");
            }
        } else {
            ProgrammeReferences.ActivityFacts activity = references.activity(tenantId, command.activityId())
                    .orElseThrow(() -> DomainException.notFound("activity"));
            if (programmeId != null && !programmeId.equals(activity.programmeId())) {
                throw DomainException.rule("the activity belongs to another programme");
            }
            if (kind != null && kind != activity.kind()) {
                throw DomainException.rule("a session of an activity has the activity's kind");
            }
            if (activity.retiredFrom() != null && !date.isBefore(activity.retiredFrom())) {
                throw DomainException.rule("the activity is retired from " + activity.retiredFrom());
            }
            programmeId = activity.programmeId();
            kind = activity.kind();
            town = town == null ? activity.town() : town;
        }
        ProgrammeReferences.ProgrammeFacts programme = references.programme(tenantId, programmeId)
                .orElseThrow(() -> DomainException.notFound("programme"));
        if (programme.closed()) {
            throw DomainException.conflict("programme is closed and takes no new sessions");
        }
        LocalDate today = references.today(tenantId);
        if (date.isAfter(today)) {
            throw DomainException.rule("a session cannot be recorded as held on a future date");
        }
        if (date.isBefore(programme.startDate()) || date.isAfter(programme.endDate())) {
            throw DomainException.rule("the session date lies outside the programme period");
        }
        if (command.facilitatorIds().isEmpty()) {
            throw DomainException.rule("a session needs at least one facilitator");
        }
        Rules.size("facilitators", command.facilitatorIds(), Rules.MAX_LIST);
        command.facilitatorIds().forEach(id -> Rules.id("facilitator id", id));
        Rules.distinct("facilitators", command.facilitatorIds());

        List<String> everyone = new ArrayList<>(command.participantIds());
        for (FamilyCheckIn family : command.families()) {
            Rules.id("guardian id", family.guardianId());
            if (family.childIds().isEmpty()) {
                throw DomainException.rule("a family check-in needs at least one child");
            }
            everyone.add(family.guardianId());
            everyone.addAll(family.childIds());
        }
        Rules.size("attendees", everyone, MAX_REGISTER);
        everyone.forEach(id -> Rules.id("participant id", id));
        Rules.distinct("attendees", everyone);
        Map<String, AttendeeFacts> facts = checkAttendees(tenantId, everyone, references);
        for (FamilyCheckIn family : command.families()) {
            for (String child : family.childIds()) {
                if (!family.guardianId().equals(facts.get(child).guardianId())) {
                    throw DomainException.rule("participant " + child + " does not belong to the household of guardian "
                            + family.guardianId());
                }
            }
        }
        checkHeadcounts(command.headcounts(), tenantId, references);
        apply(new SessionHeld(command.sessionId(), tenantId, programmeId, command.activityId(), kind, oneOff, title,
                town, date, command.facilitatorIds(), command.participantIds(), command.families(),
                command.headcounts()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CorrectAttendance command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                ProgrammeReferences references) {
        requireHeld(tenantId);
        String reason = Rules.required("reason", command.reason(), Rules.MAX_REASON);
        if (command.added().isEmpty() && command.removed().isEmpty() && command.headcounts().isEmpty()) {
            throw DomainException.rule("a correction must change something");
        }
        Rules.size("attendees", command.added(), MAX_REGISTER);
        command.added().forEach(id -> Rules.id("participant id", id));
        Rules.distinct("added attendees", command.added());
        Rules.distinct("removed attendees", command.removed());
        for (String added : command.added()) {
            if (attendees.contains(added)) {
                throw DomainException.rule("participant " + added + " is already on the register");
            }
        }
        for (String removed : command.removed()) {
            if (!attendees.contains(removed)) {
                throw DomainException.rule("participant " + removed + " is not on the register");
            }
        }
        if (attendees.size() + command.added().size() - command.removed().size() > MAX_REGISTER) {
            throw DomainException.rule("a register holds at most " + MAX_REGISTER + " people");
        }
        checkAttendees(tenantId, command.added(), references);
        for (Headcount headcount : command.headcounts()) {
            checkHeadcountGroup(headcount, tenantId, references);
            if (headcount.count() < 0 || headcount.count() > MAX_HEADCOUNT) {
                throw DomainException.rule("a headcount must be between 0 and " + MAX_HEADCOUNT);
            }
        }
        Rules.distinct("headcount groups", command.headcounts().stream().map(Headcount::group).toList());
        apply(new AttendanceCorrected(sessionId, command.added(), command.removed(), command.headcounts(), reason));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(AttachRegisteredAttendee command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                ProgrammeReferences references) {
        requireHeld(tenantId);
        Rules.id("participant id", command.participantId());
        if (command.group() == null || headcounts.getOrDefault(command.group(), 0) < 1) {
            throw DomainException.rule("the session has nobody counted in headcount group " + command.group());
        }
        if (attendees.contains(command.participantId())) {
            throw DomainException.rule("participant " + command.participantId() + " is already on the register");
        }
        AttendeeFacts facts = checkAttendees(tenantId, List.of(command.participantId()), references)
                .get(command.participantId());
        if (!facts.consents().contains(Consents.PROGRAMME_RECORDS)) {
            throw DomainException.rule("participant " + command.participantId() + " has no consent for "
                    + Consents.PROGRAMME_RECORDS + " in force");
        }
        apply(new RegisteredAttendeeAttached(sessionId, command.participantId(), command.group()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CancelSession command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId) {
        requireHeld(tenantId);
        apply(new SessionCancelled(sessionId, Rules.required("reason", command.reason(), Rules.MAX_REASON)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordSessionFeedback command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId) {
        requireHeld(tenantId);
        apply(new SessionFeedbackRecorded(sessionId, Rules.required("note", command.note(), Rules.MAX_NOTE)));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(SessionHeld event) {
        sessionId = event.sessionId();
        tenantId = event.tenantId();
        attendees.addAll(event.attendees());
        event.headcounts().forEach(headcount -> headcounts.merge(headcount.group(), headcount.count(), Integer::sum));
    }

    @EventSourcingHandler
    void on(AttendanceCorrected event) {
        attendees.addAll(event.added());
        event.removed().forEach(attendees::remove);
        for (Headcount headcount : event.headcounts()) {
            if (headcount.count() == 0) {
                headcounts.remove(headcount.group());
            } else {
                headcounts.put(headcount.group(), headcount.count());
            }
        }
    }

    @EventSourcingHandler
    void on(RegisteredAttendeeAttached event) {
        attendees.add(event.participantId());
        headcounts.computeIfPresent(event.group(), (group, count) -> count > 1 ? count - 1 : null);
    }

    @EventSourcingHandler
    void on(SessionCancelled event) {
        cancelled = true;
    }

    private void requireHeld(String tenant) {
        // another tenant's session must look exactly like a missing one
        if (!tenantId.equals(tenant)) {
            throw DomainException.notFound("session");
        }
        if (cancelled) {
            throw DomainException.conflict("session is cancelled");
        }
    }

    /** Every attendee must be a participant of the tenant whose data has not been erased. */
    private static Map<String, AttendeeFacts> checkAttendees(String tenantId, Collection<String> ids,
                                                             ProgrammeReferences references) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, AttendeeFacts> facts = references.attendees(tenantId, new LinkedHashSet<>(ids));
        for (String id : ids) {
            AttendeeFacts attendee = facts.get(id);
            if (attendee == null) {
                throw DomainException.rule("participant " + id + " is not a participant of this agency");
            }
            if (attendee.erased()) {
                throw DomainException.rule("participant " + id + " has been erased and cannot attend");
            }
        }
        return facts;
    }

    private static void checkHeadcounts(List<Headcount> headcounts, String tenantId, ProgrammeReferences references) {
        Rules.size("headcounts", headcounts, Rules.MAX_LIST);
        for (Headcount headcount : headcounts) {
            checkHeadcountGroup(headcount, tenantId, references);
            if (headcount.count() < 1 || headcount.count() > MAX_HEADCOUNT) {
                throw DomainException.rule("a headcount must be between 1 and " + MAX_HEADCOUNT);
            }
        }
        Rules.distinct("headcount groups", headcounts.stream().map(Headcount::group).toList());
    }

    private static void checkHeadcountGroup(Headcount headcount, String tenantId, ProgrammeReferences references) {
        if ((headcount.reachGroup() == null) == (headcount.organisationId() == null)) {
            throw DomainException.rule("a headcount names either a reach group or an organisation");
        }
        if (headcount.reachGroup() != null) {
            Rules.code("headcount reachGroup", headcount.reachGroup());
        } else {
            Rules.id("headcount organisation id", headcount.organisationId());
            if (!references.partnerActive(tenantId, headcount.organisationId())) {
                throw DomainException.rule("organisation is not an active partner of this agency: "
                        + headcount.organisationId());
            }
        }
    }
}
