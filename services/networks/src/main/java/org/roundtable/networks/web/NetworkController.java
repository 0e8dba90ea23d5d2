package org.roundtable.networks.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.ProblemType;
import org.roundtable.kernel.Roles;
import org.roundtable.networks.api.AdmitMember;
import org.roundtable.networks.api.AmendMinutes;
import org.roundtable.networks.api.ApproveMinutes;
import org.roundtable.networks.api.ChangeMemberRole;
import org.roundtable.networks.api.FindMeeting;
import org.roundtable.networks.api.FindNetwork;
import org.roundtable.networks.api.FindNetworkVersion;
import org.roundtable.networks.api.FindNetworks;
import org.roundtable.networks.api.FindOverdueActionItems;
import org.roundtable.networks.api.FindQuarterOutcomes;
import org.roundtable.networks.api.FoundNetwork;
import org.roundtable.networks.api.HoldMeeting;
import org.roundtable.networks.api.MeetingView;
import org.roundtable.networks.api.NetworkSummary;
import org.roundtable.networks.api.NetworkView;
import org.roundtable.networks.api.OpenActionItem;
import org.roundtable.networks.api.OverdueActionItems;
import org.roundtable.networks.api.ProgressActionItem;
import org.roundtable.networks.api.Quarter;
import org.roundtable.networks.api.QuarterOutcomes;
import org.roundtable.networks.api.RecordDecision;
import org.roundtable.networks.api.RemoveMember;
import org.roundtable.networks.api.ReviseMinutes;
import org.roundtable.networks.api.ScheduleMeeting;
import org.roundtable.networks.api.ShareFigures;
import org.roundtable.networks.api.SignQuarterReview;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Multi-agency networks and their one shared record. A network is visible to the admins, staff,
 * chairs and auditors of its member tenants and to nobody else (404, like a missing one); a tenant
 * that left reads the record as it stood when it left. Minutes, decisions, action items and notes
 * are about the work: names of participants or other people must never be entered, because every
 * member agency reads them. Writes wait (a few seconds at most) until the record shows them and
 * answer with {@code ETag: "<aggregate version>"}. Endpoints of one network admit every reading role at
 * the door and then answer 404 to a non-member before 403 to a member whose role may not write, so a
 * non-member learns nothing about the network.
 */
@RestController
@RequestMapping("/api/networks")
public class NetworkController {

    static final String READERS = "hasAnyRole('admin','staff','chair','auditor')";
    static final String ADMINS = "hasRole('admin')";
    static final Set<String> ADMIN_ONLY = Set.of(Roles.ADMIN);
    static final Set<String> CHAIRING = Set.of(Roles.ADMIN, Roles.CHAIR);
    static final Set<String> WORKING = Set.of(Roles.ADMIN, Roles.STAFF, Roles.CHAIR);
    static final String CSV = "text/csv";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final NetworkRecordAwait await;
    private final Clock clock = Clock.systemUTC();

    NetworkController(CommandGateway commands, QueryGateway queries, NetworkRecordAwait await) {
        this.commands = commands;
        this.queries = queries;
        this.await = await;
    }

    /** Founds a network chaired by the caller's agency, which becomes its first member: 201 with {@code Location}. */
    @PostMapping
    @PreAuthorize(ADMINS)
    public ResponseEntity<Requests.Created> found(@Valid @RequestBody Requests.FoundNetwork request, Caller caller) {
        String id = idOr(request.id());
        long version = send(new FoundNetwork(id, request.name(), request.foundedOn(), request.cadence(),
                request.purpose(), request.chairRole()));
        await.network(caller.tenant(), id, version);
        return created("/api/networks/" + id, id, version);
    }

    /** The networks the caller's agency belongs or belonged to: {@code {"items": [...]}}. */
    @GetMapping
    @PreAuthorize(READERS)
    public NetworkList list(Caller caller) {
        return new NetworkList(queries.query(new FindNetworks(caller.tenant()),
                ResponseTypes.multipleInstancesOf(NetworkSummary.class)).join());
    }

    /** A network with its members and meetings, with {@code ETag: "<version>"}. */
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public ResponseEntity<NetworkView> get(@PathVariable String id, Caller caller) {
        NetworkView view = queries.query(new FindNetwork(caller.tenant(), id),
                        ResponseTypes.optionalInstanceOf(NetworkView.class)).join()
                .orElseThrow(NetworkController::networkNotFound);
        return ResponseEntity.ok().eTag(etag(view.version())).body(view);
    }

    /** Admits a tenant (member id = tenant id) or an outside organisation (member id = UUID): chair's admins only. */
    @PostMapping("/{id}/members")
    @PreAuthorize(READERS)
    public ResponseEntity<Requests.Created> admit(@PathVariable String id, @Valid @RequestBody Requests.AdmitMember request,
                                                  Caller caller) {
        requireVisible(caller, id, ADMIN_ONLY);
        String memberId = request.tenantId() != null ? request.tenantId() : idOr(request.memberId());
        LocalDate admittedOn = request.admittedOn() == null ? today() : request.admittedOn();
        long version = send(new AdmitMember(id, memberId, request.tenantId(), request.organisation(), request.role(),
                admittedOn));
        await.network(caller.tenant(), id, version);
        return created("/api/networks/" + id + "/members/" + memberId, memberId, version);
    }

    /** Changes a member's representative role: 204. */
    @PutMapping("/{id}/members/{memberId}/role")
    @PreAuthorize(READERS)
    public ResponseEntity<Void> changeRole(@PathVariable String id, @PathVariable String memberId,
                                           @Valid @RequestBody Requests.ChangeRole request, Caller caller) {
        return accepted(caller, id, CHAIRING, new ChangeMemberRole(id, memberId, request.role()));
    }

    /** Ends a membership (history stays): the chair's admins remove; a member's admins take their own agency out. 204. */
    @PostMapping("/{id}/members/{memberId}/departure")
    @PreAuthorize(READERS)
    public ResponseEntity<Void> depart(@PathVariable String id, @PathVariable String memberId,
                                       @Valid @RequestBody(required = false) Requests.Departure request, Caller caller) {
        LocalDate leftOn = request == null || request.leftOn() == null ? today() : request.leftOn();
        String reason = request == null ? null : request.reason();
        return accepted(caller, id, ADMIN_ONLY, new RemoveMember(id, memberId, leftOn, reason));
    }

    /** Schedules a meeting; open action items of earlier meetings join its agenda. 201 with {@code Location}. */
    @PostMapping("/{id}/meetings")
    @PreAuthorize(READERS)
    public ResponseEntity<Requests.Created> schedule(@PathVariable String id,
                                                     @Valid @RequestBody Requests.ScheduleMeeting request, Caller caller) {
        requireVisible(caller, id, CHAIRING);
        String meetingId = idOr(request.id());
        long version = send(new ScheduleMeeting(id, meetingId, request.date(), request.place(), request.agenda()));
        await.network(caller.tenant(), id, version);
        return created("/api/networks/" + id + "/meetings/" + meetingId, meetingId, version);
    }

    /** A meeting: agenda, attendance, minutes with amendments, decisions and action items. */
    @GetMapping("/{id}/meetings/{meetingId}")
    @PreAuthorize(READERS)
    public MeetingView meeting(@PathVariable String id, @PathVariable String meetingId, Caller caller) {
        return queries.query(new FindMeeting(caller.tenant(), id, meetingId, today()),
                        ResponseTypes.optionalInstanceOf(MeetingView.class)).join()
                .orElseThrow(() -> DomainException.notFound("meeting"));
    }

    /** Records the meeting as held with the members present and the (draft) minutes: 204. */
    @PostMapping("/{id}/meetings/{meetingId}/held")
    @PreAuthorize(READERS)
    public ResponseEntity<Void> hold(@PathVariable String id, @PathVariable String meetingId,
                                     @Valid @RequestBody Requests.HoldMeeting request, Caller caller) {
        return accepted(caller, id, CHAIRING, new HoldMeeting(id, meetingId, request.present(), request.minutes()));
    }

    /** Replaces draft minutes: 204; 409 once approved. */
    @PutMapping("/{id}/meetings/{meetingId}/minutes")
    @PreAuthorize(READERS)
    public ResponseEntity<Void> reviseMinutes(@PathVariable String id, @PathVariable String meetingId,
                                              @Valid @RequestBody Requests.Minutes request, Caller caller) {
        return accepted(caller, id, CHAIRING, new ReviseMinutes(id, meetingId, request.text()));
    }

    /** Approves the minutes, which never change afterwards: 204. */
    @PostMapping("/{id}/meetings/{meetingId}/minutes/approval")
    @PreAuthorize(READERS)
    public ResponseEntity<Void> approveMinutes(@PathVariable String id, @PathVariable String meetingId, Caller caller) {
        return accepted(caller, id, CHAIRING, new ApproveMinutes(id, meetingId));
    }

    /** Adds an amendment beside approved minutes: 201. */
    @PostMapping("/{id}/meetings/{meetingId}/minutes/amendments")
    @PreAuthorize(READERS)
    public ResponseEntity<Requests.Created> amendMinutes(@PathVariable String id, @PathVariable String meetingId,
                                                         @Valid @RequestBody Requests.Amendment request, Caller caller) {
        requireVisible(caller, id, CHAIRING);
        String amendmentId = idOr(request.id());
        long version = send(new AmendMinutes(id, meetingId, amendmentId, request.text()));
        await.network(caller.tenant(), id, version);
        return created("/api/networks/" + id + "/meetings/" + meetingId, amendmentId, version);
    }

    /** Records a decision settling an agenda item of a held meeting: 201. */
    @PostMapping("/{id}/meetings/{meetingId}/decisions")
    @PreAuthorize(READERS)
    public ResponseEntity<Requests.Created> decide(@PathVariable String id, @PathVariable String meetingId,
                                                   @Valid @RequestBody Requests.Decision request, Caller caller) {
        requireVisible(caller, id, CHAIRING);
        String decisionId = idOr(request.id());
        long version = send(new RecordDecision(id, meetingId, decisionId, request.agendaItemId(), request.text()));
        await.network(caller.tenant(), id, version);
        return created("/api/networks/" + id + "/meetings/" + meetingId, decisionId, version);
    }

    /** Opens an action item at a held meeting, owned by a current member: 201. */
    @PostMapping("/{id}/meetings/{meetingId}/action-items")
    @PreAuthorize(READERS)
    public ResponseEntity<Requests.Created> openActionItem(@PathVariable String id, @PathVariable String meetingId,
                                                           @Valid @RequestBody Requests.ActionItem request, Caller caller) {
        requireVisible(caller, id, CHAIRING);
        String itemId = idOr(request.id());
        long version = send(new OpenActionItem(id, meetingId, itemId, request.description(), request.ownerMemberId(),
                request.dueOn()));
        await.network(caller.tenant(), id, version);
        return created("/api/networks/" + id + "/meetings/" + meetingId, itemId, version);
    }

    /** Moves an action item to a status with a note; by the owner's representatives or the chair: 204. */
    @PostMapping("/{id}/action-items/{itemId}/progress")
    @PreAuthorize(READERS)
    public ResponseEntity<Void> progress(@PathVariable String id, @PathVariable String itemId,
                                         @Valid @RequestBody Requests.Progress request, Caller caller) {
        return accepted(caller, id, WORKING, new ProgressActionItem(id, itemId, request.status(), request.note()));
    }

    /** Every open action item past its due date, by owner. */
    @GetMapping("/{id}/action-items/overdue")
    @PreAuthorize(READERS)
    public OverdueActionItems overdue(@PathVariable String id, Caller caller) {
        return queries.query(new FindOverdueActionItems(caller.tenant(), id, today()),
                        ResponseTypes.optionalInstanceOf(OverdueActionItems.class)).join()
                .orElseThrow(NetworkController::networkNotFound);
    }

    /** Shares the caller's agency's figures for a quarter from one of its programme reports: 204. */
    @PostMapping("/{id}/figures")
    @PreAuthorize(READERS)
    public ResponseEntity<Void> shareFigures(@PathVariable String id, @Valid @RequestBody Requests.ShareFigures request,
                                             Caller caller) {
        Quarter quarter = Quarter.parse(request.quarter());
        return accepted(caller, id, ADMIN_ONLY, new ShareFigures(id, quarter, request.programmeId()));
    }

    /** The chair's view of a quarter ({@code yyyy-Qn}) as JSON. */
    @GetMapping(path = "/{id}/quarters/{quarter}", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(READERS)
    public QuarterOutcomes quarter(@PathVariable String id,
                                   @PathVariable @Pattern(regexp = Quarter.REGEX) String quarter, Caller caller) {
        return findQuarter(caller, id, quarter);
    }

    /** The same quarter view as CSV, one row per item with a {@code section} column. */
    @GetMapping(path = "/{id}/quarters/{quarter}", produces = CSV)
    @PreAuthorize(READERS)
    public ResponseEntity<byte[]> quarterCsv(@PathVariable String id,
                                             @PathVariable @Pattern(regexp = Quarter.REGEX) String quarter, Caller caller) {
        QuarterOutcomes outcomes = findQuarter(caller, id, quarter);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"network-" + id + "-" + outcomes.quarter() + ".csv\"")
                .body(QuarterCsv.write(outcomes).getBytes(StandardCharsets.UTF_8));
    }

    /** The chair signs off the quarter with a summary, freezing what its view shows: 204. */
    @PostMapping("/{id}/quarters/{quarter}/review")
    @PreAuthorize(READERS)
    public ResponseEntity<Void> signReview(@PathVariable String id,
                                           @PathVariable @Pattern(regexp = Quarter.REGEX) String quarter,
                                           @Valid @RequestBody Requests.Review request, Caller caller) {
        return accepted(caller, id, CHAIRING, new SignQuarterReview(id, Quarter.parse(quarter), request.summary()));
    }

    private QuarterOutcomes findQuarter(Caller caller, String id, String quarter) {
        return queries.query(new FindQuarterOutcomes(caller.tenant(), id, Quarter.parse(quarter), today()),
                        ResponseTypes.optionalInstanceOf(QuarterOutcomes.class)).join()
                .orElseThrow(NetworkController::networkNotFound);
    }

    /** Sends a command on a network the caller may see and answers 204 once the record shows it. */
    private ResponseEntity<Void> accepted(Caller caller, String id, Set<String> roles, Object command) {
        requireVisible(caller, id, roles);
        long version = send(command);
        await.network(caller.tenant(), id, version);
        return ResponseEntity.noContent().eTag(etag(version)).build();
    }

    private long send(Object command) {
        return commands.<Long>sendAndWait(command);
    }

    /**
     * A network the caller's tenant never belonged to answers 404 whatever the caller's role, before
     * any command is sent; only then does a role that may not write answer 403. The aggregate checks
     * both again against the ledger.
     */
    private void requireVisible(Caller caller, String id, Set<String> roles) {
        Long version = queries.query(new FindNetworkVersion(caller.tenant(), id), Long.class).join();
        if (version == null || version < 0) {
            throw networkNotFound();
        }
        if (roles.stream().noneMatch(caller::hasRole)) {
            throw new DomainException(ProblemType.FORBIDDEN, "Your role does not allow this operation.");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static ResponseEntity<Requests.Created> created(String location, String id, long version) {
        return ResponseEntity.created(URI.create(location)).eTag(etag(version)).body(new Requests.Created(id));
    }

    private static String idOr(UUID id) {
        return (id == null ? UUID.randomUUID() : id).toString();
    }

    private static DomainException networkNotFound() {
        return DomainException.notFound("network");
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Body of the network listing. */
    public record NetworkList(List<NetworkSummary> items) {
    }
}
