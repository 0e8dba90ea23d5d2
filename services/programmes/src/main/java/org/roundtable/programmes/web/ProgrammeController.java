package org.roundtable.programmes.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.DomainException;
import org.roundtable.programmes.api.ActivityView;
import org.roundtable.programmes.api.CalendarEntry;
import org.roundtable.programmes.api.ChangeTargets;
import org.roundtable.programmes.api.CloseProgramme;
import org.roundtable.programmes.api.FindActivities;
import org.roundtable.programmes.api.FindCalendar;
import org.roundtable.programmes.api.FindProgramme;
import org.roundtable.programmes.api.FindProgrammeReport;
import org.roundtable.programmes.api.FindProgrammes;
import org.roundtable.programmes.api.LaunchProgramme;
import org.roundtable.programmes.api.PlanActivity;
import org.roundtable.programmes.api.ProgrammeReport;
import org.roundtable.programmes.api.ProgrammeView;
import org.roundtable.programmes.api.SendQuestionnaire;
import org.roundtable.programmes.web.Requests.ChangeTargetsRequest;
import org.roundtable.programmes.web.Requests.Created;
import org.roundtable.programmes.web.Requests.FundingRequest;
import org.roundtable.programmes.web.Requests.LaunchProgrammeRequest;
import org.roundtable.programmes.web.Requests.PlanActivityRequest;
import org.roundtable.programmes.web.Requests.ReasonRequest;
import org.roundtable.programmes.web.Requests.SendQuestionnaireRequest;
import org.roundtable.programmes.web.Requests.TargetRequest;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Programmes of the caller's agency, with their activities, calendar, questionnaires and report.
 * Admins set programmes up; staff send questionnaires; auditors read. Another tenant's programme
 * answers 404 like a missing one. Writes wait briefly until the read model shows them and answer
 * with {@code ETag: "<aggregate version>"}.
 */
@RestController
@RequestMapping("/api/programmes")
public class ProgrammeController {

    static final String ADMINS = "hasRole('admin')";
    static final String WRITERS = "hasAnyRole('admin','staff')";
    static final String READERS = "hasAnyRole('admin','staff','auditor')";
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProgrammeReadModelAwait await;
    private final ReportCsv csv;

    ProgrammeController(CommandGateway commands, QueryGateway queries, ProgrammeReadModelAwait await, ReportCsv csv) {
        this.commands = commands;
        this.queries = queries;
        this.await = await;
        this.csv = csv;
    }

    /** Launches a programme: 201, {@code Location: /api/programmes/{id}}, body {@code {"id": "..."}}. */
    @PostMapping
    @PreAuthorize(ADMINS)
    public ResponseEntity<Created> launch(@Valid @RequestBody LaunchProgrammeRequest request, Caller caller) {
        String id = newId(request.id());
        long version = commands.<Long>sendAndWait(new LaunchProgramme(id, request.name(), request.startDate(),
                request.endDate(), request.towns(),
                request.funders() == null ? null : request.funders().stream().map(FundingRequest::toFunding).toList(),
                TargetRequest.all(request.targets())));
        await.programme(caller.tenant(), id, version);
        return ResponseEntity.created(URI.create("/api/programmes/" + id)).eTag(etag(version)).body(new Created(id));
    }

    @GetMapping
    @PreAuthorize(READERS)
    public List<ProgrammeView> list(Caller caller) {
        return queries.query(new FindProgrammes(caller.tenant()), ResponseTypes.multipleInstancesOf(ProgrammeView.class)).join();
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public ResponseEntity<ProgrammeView> get(@PathVariable String id, Caller caller) {
        ProgrammeView view = find(caller, id);
        return ResponseEntity.ok().eTag(etag(view.version())).body(view);
    }

    /** Replaces the targets (each inside the programme period) with a reason; 200 with the programme. */
    @PutMapping("/{id}/targets")
    @PreAuthorize(ADMINS)
    public ResponseEntity<ProgrammeView> changeTargets(@PathVariable String id,
                                                       @Valid @RequestBody ChangeTargetsRequest request, Caller caller) {
        long version = commands.<Long>sendAndWait(new ChangeTargets(id, TargetRequest.all(request.targets()), request.reason()));
        await.programme(caller.tenant(), id, version);
        return ResponseEntity.ok().eTag(etag(version)).body(find(caller, id));
    }

    /** Closes the programme; it then takes no new sessions. 204, 409 if already closed. */
    @PostMapping("/{id}/closure")
    @PreAuthorize(ADMINS)
    public ResponseEntity<Void> close(@PathVariable String id, @Valid @RequestBody(required = false) ReasonRequest request,
                                      Caller caller) {
        long version = commands.<Long>sendAndWait(new CloseProgramme(id, request == null ? null : request.reason()));
        await.programme(caller.tenant(), id, version);
        return ResponseEntity.noContent().eTag(etag(version)).build();
    }

    /** Plans an activity in the programme: 201, {@code Location: /api/activities/{id}}. */
    @PostMapping("/{id}/activities")
    @PreAuthorize(ADMINS)
    public ResponseEntity<Created> planActivity(@PathVariable String id, @Valid @RequestBody PlanActivityRequest request,
                                                Caller caller) {
        String activityId = newId(request.id());
        long version = commands.<Long>sendAndWait(new PlanActivity(activityId, id, request.name(), request.kind(),
                request.audience(), request.town(), request.venue(), request.schedule().toSchedule(), request.languages(),
                request.simpleLanguage(), request.partnerOrganisationIds()));
        await.activity(caller.tenant(), activityId, version);
        return ResponseEntity.created(URI.create("/api/activities/" + activityId)).eTag(etag(version))
                .body(new Created(activityId));
    }

    @GetMapping("/{id}/activities")
    @PreAuthorize(READERS)
    public List<ActivityView> activities(@PathVariable String id, Caller caller) {
        find(caller, id);
        return queries.query(new FindActivities(caller.tenant(), id), ResponseTypes.multipleInstancesOf(ActivityView.class)).join();
    }

    /** The programme's planned occurrences between two dates (at most 400 days), marked where a session is recorded. */
    @GetMapping("/{id}/calendar")
    @PreAuthorize(READERS)
    public List<CalendarEntry> calendar(@PathVariable String id,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                        Caller caller) {
        find(caller, id);
        checkCalendarRange(from, to);
        return queries.query(new FindCalendar(caller.tenant(), id, from, to),
                ResponseTypes.multipleInstancesOf(CalendarEntry.class)).join();
    }

    /** Sends a questionnaire to participants of the agency: 201, {@code Location: /api/questionnaires/{id}}. */
    @PostMapping("/{id}/questionnaires")
    @PreAuthorize(WRITERS)
    public ResponseEntity<Created> sendQuestionnaire(@PathVariable String id,
                                                     @Valid @RequestBody SendQuestionnaireRequest request, Caller caller) {
        String questionnaireId = newId(request.id());
        long version = commands.<Long>sendAndWait(new SendQuestionnaire(questionnaireId, id, request.title(),
                request.simpleLanguage(), Requests.ids(request.recipientIds())));
        await.questionnaire(caller.tenant(), questionnaireId, version);
        return ResponseEntity.created(URI.create("/api/questionnaires/" + questionnaireId)).eTag(etag(version))
                .body(new Created(questionnaireId));
    }

    /** The programme's figures as JSON, exact for staff, with the cells flagged that must be suppressed for export. */
    @GetMapping(path = "/{id}/report", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(READERS)
    public ProgrammeReport report(@PathVariable String id,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  Caller caller) {
        ProgrammeView programme = find(caller, id);
        LocalDate start = from == null ? programme.startDate() : from;
        LocalDate end = to == null ? programme.endDate() : to;
        if (start.isAfter(end)) {
            throw DomainException.rule("the report period starts after it ends");
        }
        return queries.query(new FindProgrammeReport(caller.tenant(), id, start, end),
                        ResponseTypes.optionalInstanceOf(ProgrammeReport.class)).join()
                .orElseThrow(() -> DomainException.notFound("programme"));
    }

    /** The same figures as CSV for use outside the agency: small groups read "fewer than N". */
    @GetMapping(path = "/{id}/report", produces = "text/csv")
    @PreAuthorize(READERS)
    public ResponseEntity<String> reportCsv(@PathVariable String id,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                            Caller caller) {
        ProgrammeReport report = report(id, from, to, caller);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"programme-report-" + report.from() + "-" + report.to() + ".csv\"")
                .body(csv.write(report));
    }

    private ProgrammeView find(Caller caller, String id) {
        return queries.query(new FindProgramme(caller.tenant(), id), ResponseTypes.optionalInstanceOf(ProgrammeView.class))
                .join().orElseThrow(() -> DomainException.notFound("programme"));
    }

    /** Occurrences are computed day by day, so a calendar is bounded. */
    static void checkCalendarRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to) || java.time.temporal.ChronoUnit.DAYS.between(from, to) >= FindCalendar.MAX_DAYS) {
            throw DomainException.rule("a calendar spans 1 to " + FindCalendar.MAX_DAYS + " days, from not after to");
        }
    }

    static String newId(UUID requested) {
        return (requested == null ? UUID.randomUUID() : requested).toString();
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
