package org.roundtable.networks.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.kernel.ProblemType;
import org.roundtable.kernel.TenantId;
import org.roundtable.networks.api.ActionItemOpened;
import org.roundtable.networks.api.ActionItemProgressed;
import org.roundtable.networks.api.ActionItemStatus;
import org.roundtable.networks.api.AdmitMember;
import org.roundtable.networks.api.AgendaItem;
import org.roundtable.networks.api.AmendMinutes;
import org.roundtable.networks.api.ApproveMinutes;
import org.roundtable.networks.api.ChangeMemberRole;
import org.roundtable.networks.api.DecisionRecorded;
import org.roundtable.networks.api.FiguresShared;
import org.roundtable.networks.api.FoundNetwork;
import org.roundtable.networks.api.HoldMeeting;
import org.roundtable.networks.api.MeetingHeld;
import org.roundtable.networks.api.MeetingScheduled;
import org.roundtable.networks.api.MemberAdmitted;
import org.roundtable.networks.api.MemberLeft;
import org.roundtable.networks.api.MemberRoleChanged;
import org.roundtable.networks.api.MinutesAmended;
import org.roundtable.networks.api.MinutesApproved;
import org.roundtable.networks.api.MinutesRevised;
import org.roundtable.networks.api.NetworkFounded;
import org.roundtable.networks.api.OpenActionItem;
import org.roundtable.networks.api.ProgressActionItem;
import org.roundtable.networks.api.Quarter;
import org.roundtable.networks.api.QuarterFigures;
import org.roundtable.networks.api.QuarterReviewSigned;
import org.roundtable.networks.api.RecordDecision;
import org.roundtable.networks.api.RemoveMember;
import org.roundtable.networks.api.ReviseMinutes;
import org.roundtable.networks.api.ScheduleMeeting;
import org.roundtable.networks.api.ShareFigures;
import org.roundtable.networks.api.SignQuarterReview;

/**
 * A multi-agency network and its one shared, audit-complete record. Every command names the acting
 * tenant and role in its metadata: a tenant that never was a member is told the network does not
 * exist; a member without the right answers 403. Every handler answers with the aggregate version
 * after the command, which the web layer uses as ETag and to wait for the read model.
 */
@Aggregate
class Network {

    static final int MAX_NAME = 200;
    static final int MAX_ROLE = 100;
    static final int MAX_PURPOSE = 2_000;
    static final int MAX_AGENDA = 50;
    static final int MAX_AGENDA_TITLE = 500;
    static final int MAX_MINUTES = 50_000;
    static final int MAX_TEXT = 5_000;
    static final int MAX_NOTE = 2_000;
    static final int MAX_ID = 100;

    @AggregateIdentifier
    private String networkId;
    private String chairTenantId;
    private LocalDate foundedOn;
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, Member> members = new LinkedHashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, Meeting> meetings = new LinkedHashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, ActionItem> actionItems = new LinkedHashMap<>();
    private final Set<String> decisionIds = new HashSet<>();
    private final Set<Quarter> reviewedQuarters = new HashSet<>();

    Network() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(FoundNetwork command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetadataKeys.ACTOR_ROLE) Object role) {
        Actor actor = Actor.from(tenantId, actorId, role);
        if (!actor.isAdmin()) {
            throw forbidden("only an agency's admins found a network");
        }
        requireId("network id", command.networkId());
        String name = requiredText("name", command.name(), MAX_NAME);
        LocalDate founded = notInFuture("foundedOn", command.foundedOn());
        String purpose = optionalText("purpose", command.purpose(), MAX_PURPOSE);
        String chairRole = command.chairRole() == null || command.chairRole().isBlank()
                ? "chair" : requiredText("chairRole", command.chairRole(), MAX_ROLE);
        apply(new NetworkFounded(command.networkId(), actor.tenantId(), name, founded, command.cadence(), purpose));
        apply(new MemberAdmitted(command.networkId(), actor.tenantId(), actor.tenantId(), null, chairRole, founded));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(AdmitMember command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetadataKeys.ACTOR_ROLE) Object role, KnownTenants tenants) {
        requireChairAdmin(Actor.from(tenantId, actorId, role), "admit members");
        boolean tenant = command.tenantId() != null;
        if (tenant == (command.organisation() != null)) {
            throw DomainException.rule("a member is either a tenant or an outside organisation");
        }
        String organisation = null;
        if (tenant) {
            if (!TenantId.isValid(command.tenantId()) || !tenants.exists(command.tenantId())) {
                throw DomainException.rule("no such tenant on this instance");
            }
            if (!command.tenantId().equals(command.memberId())) {
                throw DomainException.rule("a tenant member's id is its tenant id");
            }
        } else {
            organisation = requiredText("organisation", command.organisation(), MAX_NAME);
            if (!isUuid(command.memberId())) {
                throw DomainException.rule("an organisation member's id is a UUID");
            }
        }
        String memberRole = requiredText("role", command.role(), MAX_ROLE);
        LocalDate admitted = notInFuture("admittedOn", command.admittedOn());
        if (admitted.isBefore(foundedOn)) {
            throw DomainException.rule("admittedOn lies before the network was founded");
        }
        Member existing = members.get(command.memberId());
        if (existing != null) {
            if (existing.active()) {
                throw DomainException.conflict("already a member");
            }
            if (existing.isTenant() != tenant) {
                throw DomainException.rule("member id belongs to a member of another kind");
            }
            // a former organisation member comes back under the name it had
            organisation = existing.organisation();
        }
        apply(new MemberAdmitted(networkId, command.memberId(), command.tenantId(), organisation, memberRole, admitted));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ChangeMemberRole command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetadataKeys.ACTOR_ROLE) Object role) {
        requireChair(Actor.from(tenantId, actorId, role), "change representative roles");
        Member member = activeMember(command.memberId());
        String newRole = requiredText("role", command.role(), MAX_ROLE);
        if (!newRole.equals(member.role())) {
            apply(new MemberRoleChanged(networkId, member.memberId(), newRole));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RemoveMember command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetadataKeys.ACTOR_ROLE) Object role) {
        Actor actor = Actor.from(tenantId, actorId, role);
        requireMember(actor);
        Member member = members.get(command.memberId());
        if (member == null) {
            throw DomainException.notFound("member");
        }
        boolean leavingItself = member.isTenant(actor.tenantId());
        boolean chairAdmin = chairTenantId.equals(actor.tenantId()) && actor.isAdmin();
        if (!(chairAdmin || leavingItself && actor.isAdmin())) {
            throw forbidden("only the chair's admins remove members; a member's admins may take their own agency out");
        }
        if (member.isTenant(chairTenantId)) {
            throw DomainException.rule("the chair cannot leave the network it chairs");
        }
        if (!member.active()) {
            throw DomainException.conflict("not a member any more");
        }
        LocalDate leftOn = command.leftOn() == null ? today() : notInFuture("leftOn", command.leftOn());
        if (leftOn.isBefore(member.admittedOn())) {
            throw DomainException.rule("leftOn lies before the member was admitted");
        }
        apply(new MemberLeft(networkId, member.memberId(), leftOn, !leavingItself,
                optionalText("reason", command.reason(), MAX_NOTE)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ScheduleMeeting command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetadataKeys.ACTOR_ROLE) Object role) {
        requireChair(Actor.from(tenantId, actorId, role), "schedule meetings");
        requireId("meeting id", command.meetingId());
        if (meetings.containsKey(command.meetingId())) {
            throw DomainException.conflict("meeting already scheduled");
        }
        if (command.date() == null) {
            throw DomainException.rule("date is required");
        }
        if (command.date().isBefore(foundedOn)) {
            throw DomainException.rule("a meeting cannot be before the network was founded");
        }
        String place = requiredText("place", command.place(), MAX_NAME);
        if (command.agenda().size() > MAX_AGENDA) {
            throw DomainException.rule("at most " + MAX_AGENDA + " agenda items");
        }
        List<AgendaItem> agenda = new ArrayList<>();
        for (String title : command.agenda()) {
            agenda.add(new AgendaItem(String.valueOf(agenda.size() + 1), requiredText("agenda item", title, MAX_AGENDA_TITLE), null));
        }
        // open items of earlier meetings come back to the table until someone closes them
        actionItems.values().stream()
                .filter(item -> item.status().isOpen() && item.openedOn().isBefore(command.date()))
                .sorted(Comparator.comparing(ActionItem::dueOn).thenComparing(ActionItem::actionItemId))
                .forEach(item -> agenda.add(new AgendaItem(String.valueOf(agenda.size() + 1), item.description(),
                        item.actionItemId())));
        apply(new MeetingScheduled(networkId, command.meetingId(), command.date(), place, agenda));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(HoldMeeting command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetadataKeys.ACTOR_ROLE) Object role) {
        requireChair(Actor.from(tenantId, actorId, role), "record meetings");
        Meeting meeting = meeting(command.meetingId());
        if (meeting.held()) {
            throw DomainException.conflict("meeting already held");
        }
        if (meeting.date().isAfter(today())) {
            throw DomainException.rule("a meeting cannot be recorded as held before its date");
        }
        List<String> expected = members.values().stream()
                .filter(member -> member.active() && !member.admittedOn().isAfter(meeting.date()))
                .map(Member::memberId)
                .toList();
        for (String present : command.present()) {
            if (!expected.contains(present)) {
                throw DomainException.rule("attendance names someone who is not a member: " + present);
            }
        }
        List<String> present = expected.stream().filter(command.present()::contains).toList();
        List<String> absent = expected.stream().filter(id -> !command.present().contains(id)).toList();
        apply(new MeetingHeld(networkId, meeting.meetingId(), present, absent,
                optionalText("minutes", command.minutes(), MAX_MINUTES)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ReviseMinutes command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetadataKeys.ACTOR_ROLE) Object role) {
        requireChair(Actor.from(tenantId, actorId, role), "write minutes");
        Meeting meeting = heldMeeting(command.meetingId(), "no minutes for a meeting not held");
        if (meeting.minutesApproved()) {
            throw DomainException.conflict("approved minutes never change: add an amendment");
        }
        apply(new MinutesRevised(networkId, meeting.meetingId(), requiredText("minutes", command.minutes(), MAX_MINUTES)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ApproveMinutes command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetadataKeys.ACTOR_ROLE) Object role) {
        requireChair(Actor.from(tenantId, actorId, role), "approve minutes");
        Meeting meeting = heldMeeting(command.meetingId(), "no minutes for a meeting not held");
        if (meeting.minutesApproved()) {
            throw DomainException.conflict("minutes already approved");
        }
        if (!meeting.hasMinutes()) {
            throw DomainException.rule("there are no minutes to approve");
        }
        apply(new MinutesApproved(networkId, meeting.meetingId()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(AmendMinutes command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetadataKeys.ACTOR_ROLE) Object role) {
        requireChair(Actor.from(tenantId, actorId, role), "amend minutes");
        Meeting meeting = heldMeeting(command.meetingId(), "no minutes for a meeting not held");
        if (!meeting.minutesApproved()) {
            throw DomainException.rule("minutes not yet approved: revise them instead");
        }
        requireId("amendment id", command.amendmentId());
        if (meeting.hasAmendment(command.amendmentId())) {
            throw DomainException.conflict("amendment already recorded");
        }
        apply(new MinutesAmended(networkId, meeting.meetingId(), command.amendmentId(),
                requiredText("text", command.text(), MAX_TEXT)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordDecision command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetadataKeys.ACTOR_ROLE) Object role) {
        requireChair(Actor.from(tenantId, actorId, role), "record decisions");
        Meeting meeting = openRecord(command.meetingId(), "no decisions on a meeting not held");
        requireId("decision id", command.decisionId());
        if (decisionIds.contains(command.decisionId())) {
            throw DomainException.conflict("decision already recorded");
        }
        if (!meeting.onAgenda(command.agendaItemId())) {
            throw DomainException.rule("a decision settles an item on the meeting's agenda");
        }
        apply(new DecisionRecorded(networkId, meeting.meetingId(), command.decisionId(), command.agendaItemId(),
                requiredText("text", command.text(), MAX_TEXT)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(OpenActionItem command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetadataKeys.ACTOR_ROLE) Object role) {
        requireChair(Actor.from(tenantId, actorId, role), "open action items");
        Meeting meeting = openRecord(command.meetingId(), "no action items on a meeting not held");
        requireId("action item id", command.actionItemId());
        if (actionItems.containsKey(command.actionItemId())) {
            throw DomainException.conflict("action item already opened");
        }
        String description = requiredText("description", command.description(), MAX_TEXT);
        Member owner = activeMember(command.ownerMemberId());
        if (command.dueOn() == null) {
            throw DomainException.rule("dueOn is required");
        }
        if (command.dueOn().isBefore(meeting.date())) {
            throw DomainException.rule("an action item cannot be due before the meeting that opened it");
        }
        apply(new ActionItemOpened(networkId, command.actionItemId(), meeting.meetingId(), description,
                owner.memberId(), command.dueOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ProgressActionItem command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetadataKeys.ACTOR_ROLE) Object role) {
        Actor actor = Actor.from(tenantId, actorId, role);
        requireMember(actor);
        ActionItem item = actionItems.get(command.actionItemId());
        if (item == null) {
            throw DomainException.notFound("action item");
        }
        Member owner = members.get(item.ownerMemberId());
        boolean ownerRepresentative = owner.isTenant(actor.tenantId()) && actor.mayWork();
        if (!(isChair(actor) || ownerRepresentative)) {
            throw forbidden("only the owner's representatives or the chair progress an action item");
        }
        if (command.status() == null) {
            throw DomainException.rule("status is required");
        }
        String note = optionalText("note", command.note(), MAX_NOTE);
        if (command.status() == item.status() && note == null) {
            throw DomainException.rule("the item already has this status: add a note to report progress");
        }
        apply(new ActionItemProgressed(networkId, item.actionItemId(), command.status(), note));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ShareFigures command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetadataKeys.ACTOR_ROLE) Object role, ProgrammeFigures programmes) {
        Actor actor = Actor.from(tenantId, actorId, role);
        Member member = requireMember(actor);
        if (!actor.isAdmin()) {
            throw forbidden("only a member agency's admins share its figures");
        }
        Quarter quarter = command.quarter();
        if (quarter == null) {
            throw DomainException.rule("quarter is required");
        }
        if (quarter.firstDay().isAfter(today())) {
            throw DomainException.rule("a quarter that has not begun has no figures");
        }
        requireId("programme id", command.programmeId());
        QuarterFigures figures = programmes.figuresFor(actor.tenantId(), command.programmeId(), quarter.firstDay(),
                quarter.lastDay()).orElseThrow(() -> DomainException.notFound("programme"));
        apply(new FiguresShared(networkId, member.memberId(), quarter, command.programmeId(), figures));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(SignQuarterReview command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId,
                @MetaDataValue(MetadataKeys.ACTOR_ROLE) Object role) {
        requireChair(Actor.from(tenantId, actorId, role), "sign quarter reviews");
        Quarter quarter = command.quarter();
        if (quarter == null) {
            throw DomainException.rule("quarter is required");
        }
        LocalDate today = today();
        if (quarter.firstDay().isAfter(today)) {
            throw DomainException.rule("a quarter that has not begun cannot be reviewed");
        }
        if (quarter.lastDay().isBefore(foundedOn)) {
            throw DomainException.rule("the network did not exist in that quarter");
        }
        if (reviewedQuarters.contains(quarter)) {
            throw DomainException.conflict("quarter already signed off");
        }
        apply(new QuarterReviewSigned(networkId, quarter, requiredText("summary", command.summary(), MAX_TEXT), today));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(NetworkFounded event) {
        networkId = event.networkId();
        chairTenantId = event.chairTenantId();
        foundedOn = event.foundedOn();
    }

    @EventSourcingHandler
    void on(MemberAdmitted event) {
        members.putIfAbsent(event.memberId(), new Member(event));
    }

    @EventSourcingHandler
    void on(MeetingScheduled event) {
        meetings.put(event.meetingId(), new Meeting(event));
    }

    @EventSourcingHandler
    void on(DecisionRecorded event) {
        decisionIds.add(event.decisionId());
    }

    @EventSourcingHandler
    void on(ActionItemOpened event) {
        actionItems.put(event.actionItemId(), new ActionItem(event, meetings.get(event.meetingId()).date()));
    }

    @EventSourcingHandler
    void on(QuarterReviewSigned event) {
        reviewedQuarters.add(event.quarter());
    }

    /** The acting tenant's current membership; 404 for a tenant that never was a member, 403 for a former one. */
    private Member requireMember(Actor actor) {
        Member member = members.get(actor.tenantId());
        if (member == null || !member.isTenant()) {
            throw DomainException.notFound("network");
        }
        if (!member.active()) {
            throw forbidden("your agency is no longer a member of this network");
        }
        return member;
    }

    private boolean isChair(Actor actor) {
        return chairTenantId.equals(actor.tenantId()) && actor.mayChair();
    }

    private void requireChair(Actor actor, String what) {
        requireMember(actor);
        if (!isChair(actor)) {
            throw forbidden("only the chair may " + what);
        }
    }

    private void requireChairAdmin(Actor actor, String what) {
        requireMember(actor);
        if (!(chairTenantId.equals(actor.tenantId()) && actor.isAdmin())) {
            throw forbidden("only the chair's admins " + what);
        }
    }

    private Member activeMember(String memberId) {
        Member member = memberId == null ? null : members.get(memberId);
        if (member == null || !member.active()) {
            throw DomainException.rule("not a current member: " + memberId);
        }
        return member;
    }

    private Meeting meeting(String meetingId) {
        Meeting meeting = meetingId == null ? null : meetings.get(meetingId);
        if (meeting == null) {
            throw DomainException.notFound("meeting");
        }
        return meeting;
    }

    private Meeting heldMeeting(String meetingId, String refusal) {
        Meeting meeting = meeting(meetingId);
        if (!meeting.held()) {
            throw DomainException.rule(refusal);
        }
        return meeting;
    }

    /** A held meeting whose record is still open: approved minutes close it to decisions and action items. */
    private Meeting openRecord(String meetingId, String refusal) {
        Meeting meeting = heldMeeting(meetingId, refusal);
        if (meeting.minutesApproved()) {
            throw DomainException.conflict("the meeting's minutes are approved: its record no longer changes");
        }
        return meeting;
    }

    private static DomainException forbidden(String message) {
        return new DomainException(ProblemType.FORBIDDEN, message);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static LocalDate notInFuture(String field, LocalDate date) {
        if (date == null) {
            throw DomainException.rule(field + " is required");
        }
        if (date.isAfter(today().plusDays(1))) {
            throw DomainException.rule(field + " lies in the future");
        }
        return date;
    }

    private static void requireId(String what, String id) {
        if (id == null || id.isBlank() || id.length() > MAX_ID) {
            throw DomainException.rule(what + " must be 1-" + MAX_ID + " characters");
        }
    }

    private static String requiredText(String field, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > max) {
            throw DomainException.rule(field + " must be 1-" + max + " characters");
        }
        return text;
    }

    private static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return requiredText(field, value, max);
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equals(value.toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
