package org.roundtable.partnerships.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.DomainException;
import org.roundtable.partnerships.api.ArchiveOrganisation;
import org.roundtable.partnerships.api.AssociationDevelopment;
import org.roundtable.partnerships.api.FindAssociationDevelopment;
import org.roundtable.partnerships.api.FindOrganisation;
import org.roundtable.partnerships.api.FindOrganisationVersion;
import org.roundtable.partnerships.api.FindOrganisations;
import org.roundtable.partnerships.api.OrganisationKind;
import org.roundtable.partnerships.api.OrganisationPage;
import org.roundtable.partnerships.api.OrganisationStatus;
import org.roundtable.partnerships.api.OrganisationView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's agency's registry of partner organisations, and the development of the associations
 * it supports. Admins manage it; staff and auditors read it. Another tenant's organisation answers
 * 404 like a missing one. Writes wait until the registry shows them and answer with
 * {@code ETag: "<aggregate version>"}.
 */
@RestController
@RequestMapping("/api/organisations")
public class OrganisationController {

    static final String MANAGERS = "hasRole('admin')";
    static final String READERS = "hasAnyRole('admin','staff','auditor')";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModelAwait await;

    OrganisationController(CommandGateway commands, QueryGateway queries, ReadModelAwait await) {
        this.commands = commands;
        this.queries = queries;
        this.await = await;
    }

    /** Registers an organisation: 201, {@code Location: /api/organisations/{id}}, body {@code {"id": ...}}. */
    @PostMapping
    @PreAuthorize(MANAGERS)
    public ResponseEntity<Created> register(@Valid @RequestBody OrganisationRequest request, Caller caller) {
        String id = (request.id() == null ? UUID.randomUUID() : request.id()).toString();
        long version = commands.<Long>sendAndWait(request.toRegistration(id));
        await.organisation(caller.tenant(), id, version);
        return ResponseEntity.created(URI.create("/api/organisations/" + id)).eTag(Etags.of(version)).body(new Created(id));
    }

    /** Lists organisations by name, 0-based pages of at most 200, optionally by kind and status codes. */
    @GetMapping
    @PreAuthorize(READERS)
    public OrganisationPage list(@RequestParam(required = false) @Pattern(regexp = Codes.PATTERN) String kind,
                                 @RequestParam(required = false) @Pattern(regexp = Codes.PATTERN) String status,
                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(FindOrganisations.MAX_SIZE) int size,
                                 Caller caller) {
        return queries.query(new FindOrganisations(caller.tenant(),
                        Codes.parse(kind, OrganisationKind::fromCode, "organisation kind"),
                        Codes.parse(status, OrganisationStatus::fromCode, "organisation status"), page, size),
                OrganisationPage.class).join();
    }

    /** One organisation with {@code ETag: "<version>"}, to send back as {@code If-Match} when updating. */
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public ResponseEntity<OrganisationView> get(@PathVariable String id, Caller caller) {
        OrganisationView view = find(caller, id);
        return ResponseEntity.ok().eTag(Etags.of(view.version())).body(view);
    }

    /**
     * Replaces the organisation's details. {@code If-Match} is required (428 without it); a stale
     * version answers 412; an archived organisation 409. Answers 200 with the organisation.
     */
    @PutMapping("/{id}")
    @PreAuthorize(MANAGERS)
    public ResponseEntity<OrganisationView> update(@PathVariable String id,
                                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                   @Valid @RequestBody OrganisationRequest request, Caller caller) {
        long expected = Etags.expectedVersion(ifMatch, "organisation");
        // another tenant's organisation must answer 404 before any version check could answer 412
        requireVisible(caller, id);
        long version = commands.<Long>sendAndWait(request.toUpdate(id, expected));
        await.organisation(caller.tenant(), id, version);
        return ResponseEntity.ok().eTag(Etags.of(version)).body(find(caller, id));
    }

    /** Archives the organisation (never deletes it); 204 with the new ETag. Archiving again changes nothing. */
    @PostMapping("/{id}/archive")
    @PreAuthorize(MANAGERS)
    public ResponseEntity<Void> archive(@PathVariable String id, @Valid @RequestBody(required = false) ArchiveRequest request,
                                        Caller caller) {
        long version = commands.<Long>sendAndWait(new ArchiveOrganisation(id, request == null ? null : request.reason()));
        await.organisation(caller.tenant(), id, version);
        return ResponseEntity.noContent().eTag(Etags.of(version)).build();
    }

    /**
     * Records support given to an association: 201, {@code Location: /api/organisations/{id}/development},
     * body {@code {"id": <support id>}}. 422 for an organisation that is not an association.
     */
    @PostMapping("/{id}/support")
    @PreAuthorize(MANAGERS)
    public ResponseEntity<Created> recordSupport(@PathVariable String id, @Valid @RequestBody SupportRequest request,
                                                 Caller caller) {
        String supportId = (request.id() == null ? UUID.randomUUID() : request.id()).toString();
        long version = commands.<Long>sendAndWait(request.toCommand(id, supportId));
        await.organisation(caller.tenant(), id, version);
        return ResponseEntity.created(URI.create("/api/organisations/" + id + "/development"))
                .eTag(Etags.of(version)).body(new Created(supportId));
    }

    /** Records a professionalisation milestone: 201 like support; 409 if that milestone was already reached. */
    @PostMapping("/{id}/milestones")
    @PreAuthorize(MANAGERS)
    public ResponseEntity<Created> recordMilestone(@PathVariable String id, @Valid @RequestBody MilestoneRequest request,
                                                   Caller caller) {
        String milestoneId = (request.id() == null ? UUID.randomUUID() : request.id()).toString();
        long version = commands.<Long>sendAndWait(request.toCommand(id, milestoneId));
        await.organisation(caller.tenant(), id, version);
        return ResponseEntity.created(URI.create("/api/organisations/" + id + "/development"))
                .eTag(Etags.of(version)).body(new Created(milestoneId));
    }

    /** The association's development: its timeline, milestones reached and funding totals. */
    @GetMapping("/{id}/development")
    @PreAuthorize(READERS)
    public AssociationDevelopment development(@PathVariable String id, Caller caller) {
        return queries.query(new FindAssociationDevelopment(caller.tenant(), id),
                        ResponseTypes.optionalInstanceOf(AssociationDevelopment.class)).join()
                .orElseThrow(() -> DomainException.notFound("organisation"));
    }

    private OrganisationView find(Caller caller, String id) {
        return queries.query(new FindOrganisation(caller.tenant(), id),
                        ResponseTypes.optionalInstanceOf(OrganisationView.class)).join()
                .orElseThrow(() -> DomainException.notFound("organisation"));
    }

    private void requireVisible(Caller caller, String id) {
        Long version = queries.query(new FindOrganisationVersion(caller.tenant(), id), Long.class).join();
        if (version == null || version < 0) {
            throw DomainException.notFound("organisation");
        }
    }
}
