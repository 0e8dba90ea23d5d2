package org.roundtable.programmes.web;

import static org.roundtable.programmes.web.ProgrammeController.ADMINS;
import static org.roundtable.programmes.web.ProgrammeController.READERS;
import static org.roundtable.programmes.web.ProgrammeController.etag;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.DomainException;
import org.roundtable.programmes.api.ActivityView;
import org.roundtable.programmes.api.CalendarEntry;
import org.roundtable.programmes.api.FindActivity;
import org.roundtable.programmes.api.FindCalendar;
import org.roundtable.programmes.api.RescheduleActivity;
import org.roundtable.programmes.api.RetireActivity;
import org.roundtable.programmes.web.Requests.RescheduleRequest;
import org.roundtable.programmes.web.Requests.RetireRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Activities of the caller's agency and the agency-wide calendar. Another tenant's activity answers 404. */
@RestController
public class ActivityController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProgrammeReadModelAwait await;

    ActivityController(CommandGateway commands, QueryGateway queries, ProgrammeReadModelAwait await) {
        this.commands = commands;
        this.queries = queries;
        this.await = await;
    }

    @GetMapping("/api/activities/{id}")
    @PreAuthorize(READERS)
    public ResponseEntity<ActivityView> get(@PathVariable String id, Caller caller) {
        ActivityView view = find(caller, id);
        return ResponseEntity.ok().eTag(etag(view.version())).body(view);
    }

    /** Gives the activity a new weekly schedule inside the programme period; 200 with the activity. */
    @PutMapping("/api/activities/{id}/schedule")
    @PreAuthorize(ADMINS)
    public ResponseEntity<ActivityView> reschedule(@PathVariable String id, @Valid @RequestBody RescheduleRequest request,
                                                   Caller caller) {
        long version = commands.<Long>sendAndWait(new RescheduleActivity(id, request.schedule().toSchedule(), request.reason()));
        await.activity(caller.tenant(), id, version);
        return ResponseEntity.ok().eTag(etag(version)).body(find(caller, id));
    }

    /** Retires the activity from a date (today when absent); 204, 409 if already retired. */
    @PostMapping("/api/activities/{id}/retirement")
    @PreAuthorize(ADMINS)
    public ResponseEntity<Void> retire(@PathVariable String id, @Valid @RequestBody(required = false) RetireRequest request,
                                       Caller caller) {
        long version = commands.<Long>sendAndWait(new RetireActivity(id, request == null ? null : request.from(),
                request == null ? null : request.reason()));
        await.activity(caller.tenant(), id, version);
        return ResponseEntity.noContent().eTag(etag(version)).build();
    }

    /** The agency's calendar across all programmes between two dates (at most 400 days). */
    @GetMapping("/api/calendar")
    @PreAuthorize(READERS)
    public List<CalendarEntry> calendar(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                        Caller caller) {
        ProgrammeController.checkCalendarRange(from, to);
        return queries.query(new FindCalendar(caller.tenant(), null, from, to),
                ResponseTypes.multipleInstancesOf(CalendarEntry.class)).join();
    }

    private ActivityView find(Caller caller, String id) {
        return queries.query(new FindActivity(caller.tenant(), id), ResponseTypes.optionalInstanceOf(ActivityView.class))
                .join().orElseThrow(() -> DomainException.notFound("activity"));
    }
}
