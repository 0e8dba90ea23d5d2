package org.roundtable.programmes.web;

import static org.roundtable.programmes.web.ProgrammeController.READERS;
import static org.roundtable.programmes.web.ProgrammeController.WRITERS;
import static org.roundtable.programmes.web.ProgrammeController.etag;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.DomainException;
import org.roundtable.participants.api.FindParticipantVersion;
import org.roundtable.programmes.api.AttachRegisteredAttendee;
import org.roundtable.programmes.api.AttendanceRecord;
import org.roundtable.programmes.api.CancelSession;
import org.roundtable.programmes.api.CorrectAttendance;
import org.roundtable.programmes.api.FindAttendanceHistory;
import org.roundtable.programmes.api.FindSession;
import org.roundtable.programmes.api.HoldSession;
import org.roundtable.programmes.api.RecordSessionFeedback;
import org.roundtable.programmes.api.SessionView;
import org.roundtable.programmes.web.Requests.AttachAttendeeRequest;
import org.roundtable.programmes.web.Requests.CorrectAttendanceRequest;
import org.roundtable.programmes.web.Requests.Created;
import org.roundtable.programmes.web.Requests.FamilyRequest;
import org.roundtable.programmes.web.Requests.FeedbackRequest;
import org.roundtable.programmes.web.Requests.HeadcountRequest;
import org.roundtable.programmes.web.Requests.HoldSessionRequest;
import org.roundtable.programmes.web.Requests.ReasonRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sessions held by the caller's agency: the register in one request, corrections, cancellation,
 * attaching people who registered later, feedback; and a participant's attendance history.
 * Staff and admins write, auditors read; another tenant's session answers 404.
 */
@RestController
public class SessionController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProgrammeReadModelAwait await;

    SessionController(CommandGateway commands, QueryGateway queries, ProgrammeReadModelAwait await) {
        this.commands = commands;
        this.queries = queries;
        this.await = await;
    }

    /**
     * Records a session that was held, with its whole register: 201, {@code Location: /api/sessions/{id}}.
     * Dates after today (UTC unless the server provides the tenant's zone) are refused.
     */
    @PostMapping("/api/sessions")
    @PreAuthorize(WRITERS)
    public ResponseEntity<Created> hold(@Valid @RequestBody HoldSessionRequest request, Caller caller) {
        String id = ProgrammeController.newId(request.id());
        long version = commands.<Long>sendAndWait(new HoldSession(id, Requests.id(request.programmeId()),
                Requests.id(request.activityId()), request.kind(), request.title(), request.town(), request.date(),
                request.facilitatorIds(), Requests.ids(request.participantIds()),
                request.families() == null ? null : request.families().stream().map(FamilyRequest::toCheckIn).toList(),
                HeadcountRequest.all(request.headcounts())));
        await.session(caller.tenant(), id, version);
        return ResponseEntity.created(URI.create("/api/sessions/" + id)).eTag(etag(version)).body(new Created(id));
    }

    /** The session's register. */
    @GetMapping("/api/sessions/{id}")
    @PreAuthorize(READERS)
    public ResponseEntity<SessionView> get(@PathVariable String id, Caller caller) {
        SessionView view = find(caller, id);
        return ResponseEntity.ok().eTag(etag(view.version())).body(view);
    }

    /** Corrects the register with a reason; 200 with the corrected register. */
    @PostMapping("/api/sessions/{id}/attendance-corrections")
    @PreAuthorize(WRITERS)
    public ResponseEntity<SessionView> correct(@PathVariable String id, @Valid @RequestBody CorrectAttendanceRequest request,
                                               Caller caller) {
        long version = commands.<Long>sendAndWait(new CorrectAttendance(id, Requests.ids(request.added()),
                Requests.ids(request.removed()), HeadcountRequest.all(request.headcounts()), request.reason()));
        await.session(caller.tenant(), id, version);
        return ResponseEntity.ok().eTag(etag(version)).body(find(caller, id));
    }

    /**
     * Someone counted in a headcount has registered with consent: adds them to the register and
     * takes one off that headcount group; 200 with the register.
     */
    @PostMapping("/api/sessions/{id}/identified-attendees")
    @PreAuthorize(WRITERS)
    public ResponseEntity<SessionView> attach(@PathVariable String id, @Valid @RequestBody AttachAttendeeRequest request,
                                              Caller caller) {
        long version = commands.<Long>sendAndWait(new AttachRegisteredAttendee(id, request.participantId().toString(),
                request.group()));
        await.session(caller.tenant(), id, version);
        return ResponseEntity.ok().eTag(etag(version)).body(find(caller, id));
    }

    /** Cancels the session (a reason is required); 204, 409 if already cancelled. */
    @PostMapping("/api/sessions/{id}/cancellation")
    @PreAuthorize(WRITERS)
    public ResponseEntity<Void> cancel(@PathVariable String id, @Valid @RequestBody ReasonRequest request, Caller caller) {
        long version = commands.<Long>sendAndWait(new CancelSession(id, request.reason()));
        await.session(caller.tenant(), id, version);
        return ResponseEntity.noContent().eTag(etag(version)).build();
    }

    /**
     * Records a feedback note about the session; 204. The note is about the session and is kept
     * in the history unencrypted: it must not name or describe a person.
     */
    @PostMapping("/api/sessions/{id}/feedback")
    @PreAuthorize(WRITERS)
    public ResponseEntity<Void> feedback(@PathVariable String id, @Valid @RequestBody FeedbackRequest request,
                                         Caller caller) {
        long version = commands.<Long>sendAndWait(new RecordSessionFeedback(id, request.note()));
        await.session(caller.tenant(), id, version);
        return ResponseEntity.noContent().eTag(etag(version)).build();
    }

    /** The sessions a participant of the agency attended, newest first; 404 for anyone else. */
    @GetMapping("/api/participants/{id}/attendance")
    @PreAuthorize(READERS)
    public List<AttendanceRecord> attendance(@PathVariable String id, Caller caller) {
        Long version = queries.query(new FindParticipantVersion(caller.tenant(), id), Long.class).join();
        if (version == null || version < 0) {
            throw DomainException.notFound("participant");
        }
        return queries.query(new FindAttendanceHistory(caller.tenant(), id),
                ResponseTypes.multipleInstancesOf(AttendanceRecord.class)).join();
    }

    private SessionView find(Caller caller, String id) {
        return queries.query(new FindSession(caller.tenant(), id), ResponseTypes.optionalInstanceOf(SessionView.class))
                .join().orElseThrow(() -> DomainException.notFound("session"));
    }
}
