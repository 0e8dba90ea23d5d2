package org.roundtable.partnerships.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.ProblemType;
import org.roundtable.partnerships.api.CountPartnerships;
import org.roundtable.partnerships.api.CountPartnershipsByPurpose;
import org.roundtable.partnerships.api.FindPartnership;
import org.roundtable.partnerships.api.FindPartnershipMeetings;
import org.roundtable.partnerships.api.FindPartnerships;
import org.roundtable.partnerships.api.PartnershipCounts;
import org.roundtable.partnerships.api.PartnershipFormation;
import org.roundtable.partnerships.api.PartnershipMeetings;
import org.roundtable.partnerships.api.PartnershipPage;
import org.roundtable.partnerships.api.PartnershipPurpose;
import org.roundtable.partnerships.api.PartnershipStatus;
import org.roundtable.partnerships.api.PartnershipView;
import org.roundtable.partnerships.api.PurposeTally;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Integration partnerships of the caller's agency. Staff and admins form them and record on them;
 * auditors read. Another tenant's partnership answers 404 like a missing one, and another tenant's
 * participant cannot be a partner (422). Writes wait until the register shows them and answer with
 * {@code ETag: "<aggregate version>"}. Partners' names are read from the participant directory.
 */
@RestController
@RequestMapping("/api/partnerships")
public class PartnershipController {

    static final String WRITERS = "hasAnyRole('admin','staff')";
    static final String READERS = "hasAnyRole('admin','staff','auditor')";
    static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9:._-]{0,99}";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModelAwait await;
    private final PartnerNames names;

    PartnershipController(CommandGateway commands, QueryGateway queries, ReadModelAwait await, PartnerNames names) {
        this.commands = commands;
        this.queries = queries;
        this.await = await;
        this.names = names;
    }

    /**
     * Forms a partnership: 201, {@code Location: /api/partnerships/{id}}, body
     * {@code {"id": ..., "warnings": [...]}}; a warning does not stop the formation.
     */
    @PostMapping
    @PreAuthorize(WRITERS)
    public ResponseEntity<PartnershipCreated> form(@Valid @RequestBody FormPartnershipRequest request, Caller caller) {
        String id = (request.id() == null ? UUID.randomUUID() : request.id()).toString();
        PartnershipFormation formation = commands.sendAndWait(request.toCommand(id, caller.actorId()));
        await.partnership(caller.tenant(), id, formation.version());
        return ResponseEntity.created(URI.create("/api/partnerships/" + id)).eTag(Etags.of(formation.version()))
                .body(new PartnershipCreated(id, formation.warnings()));
    }

    /** Lists partnerships, newest formed first, by status, purpose, participant and programme. */
    @GetMapping
    @PreAuthorize(READERS)
    public PartnershipPage list(@RequestParam(required = false) @Pattern(regexp = Codes.PATTERN) String status,
                                @RequestParam(required = false) @Pattern(regexp = Codes.PATTERN) String purpose,
                                @RequestParam(required = false) @Pattern(regexp = ID_PATTERN) String participantId,
                                @RequestParam(required = false) @Pattern(regexp = ID_PATTERN) String programmeId,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(FindPartnerships.MAX_SIZE) int size,
                                Caller caller) {
        PartnershipPage found = queries.query(new FindPartnerships(caller.tenant(),
                Codes.parse(status, PartnershipStatus::fromCode, "partnership status"),
                Codes.parse(purpose, PartnershipPurpose::fromCode, "partnership purpose"),
                participantId, programmeId, page, size), PartnershipPage.class).join();
        PartnerNames.Lookup lookup = names.lookup(caller.tenant());
        return new PartnershipPage(found.items().stream().map(lookup::named).toList(), found.page(), found.size(),
                found.total());
    }

    /** One partnership with its partners' names and check-ins, and {@code ETag: "<version>"}. */
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public ResponseEntity<PartnershipView> get(@PathVariable String id, Caller caller) {
        PartnershipView view = queries.query(new FindPartnership(caller.tenant(), id),
                        ResponseTypes.optionalInstanceOf(PartnershipView.class)).join()
                .orElseThrow(() -> DomainException.notFound("partnership"));
        return ResponseEntity.ok().eTag(Etags.of(view.version())).body(names.lookup(caller.tenant()).named(view));
    }

    /** Logs a meeting: 201, {@code Location: /api/partnerships/{id}/meetings}, body {@code {"id": <meeting id>}}. */
    @PostMapping("/{id}/meetings")
    @PreAuthorize(WRITERS)
    public ResponseEntity<Created> logMeeting(@PathVariable String id, @Valid @RequestBody MeetingRequest request,
                                              Caller caller) {
        String meetingId = (request.id() == null ? UUID.randomUUID() : request.id()).toString();
        long version = commands.<Long>sendAndWait(request.toCommand(id, meetingId));
        await.partnership(caller.tenant(), id, version);
        return ResponseEntity.created(URI.create("/api/partnerships/" + id + "/meetings"))
                .eTag(Etags.of(version)).body(new Created(meetingId));
    }

    /** The partnership's meetings, oldest first: {@code {"partnershipId": ..., "items": [...]}}. */
    @GetMapping("/{id}/meetings")
    @PreAuthorize(READERS)
    public PartnershipMeetings meetings(@PathVariable String id, Caller caller) {
        return queries.query(new FindPartnershipMeetings(caller.tenant(), id),
                        ResponseTypes.optionalInstanceOf(PartnershipMeetings.class)).join()
                .orElseThrow(() -> DomainException.notFound("partnership"));
    }

    /** Records a coordinator's check-in: 201, {@code Location: /api/partnerships/{id}}, body {@code {"id": ...}}. */
    @PostMapping("/{id}/check-ins")
    @PreAuthorize(WRITERS)
    public ResponseEntity<Created> checkIn(@PathVariable String id, @Valid @RequestBody CheckInRequest request,
                                           Caller caller) {
        String checkInId = (request.id() == null ? UUID.randomUUID() : request.id()).toString();
        long version = commands.<Long>sendAndWait(request.toCommand(id, checkInId));
        await.partnership(caller.tenant(), id, version);
        return ResponseEntity.created(URI.create("/api/partnerships/" + id)).eTag(Etags.of(version))
                .body(new Created(checkInId));
    }

    /** Ends the partnership with an outcome; 204 with the new ETag; 409 if it has already ended. */
    @PostMapping("/{id}/end")
    @PreAuthorize(WRITERS)
    public ResponseEntity<Void> end(@PathVariable String id, @Valid @RequestBody EndPartnershipRequest request,
                                    Caller caller) {
        long version = commands.<Long>sendAndWait(request.toCommand(id));
        await.partnership(caller.tenant(), id, version);
        return ResponseEntity.noContent().eTag(Etags.of(version)).build();
    }

    /** How many partnerships have each purpose, active and ended: {@code {"items": [{purpose, active, ended}]}}. */
    @GetMapping("/purposes")
    @PreAuthorize(READERS)
    public PurposeTallies purposes(Caller caller) {
        return new PurposeTallies(queries.query(new CountPartnershipsByPurpose(caller.tenant()),
                ResponseTypes.multipleInstancesOf(PurposeTally.class)).join());
    }

    /** A programme's figures for a period (inclusive dates): {@code {"formed", "active", "ended"}}. */
    @GetMapping("/counts")
    @PreAuthorize(READERS)
    public PartnershipCounts counts(@RequestParam @Size(min = 1, max = 100) @Pattern(regexp = ID_PATTERN) String programmeId,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                    Caller caller) {
        if (to.isBefore(from)) {
            throw new DomainException(ProblemType.VALIDATION, "to lies before from");
        }
        return queries.query(new CountPartnerships(caller.tenant(), programmeId, from, to), PartnershipCounts.class)
                .join();
    }

    /** Body of a formation's 201 answer. */
    public record PartnershipCreated(String id, List<String> warnings) {
    }

    /** Body of the purpose tally. */
    public record PurposeTallies(List<PurposeTally> items) {
    }
}
