package org.roundtable.participants.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.ProblemType;
import org.roundtable.participants.api.Consents;
import org.roundtable.participants.api.EraseParticipant;
import org.roundtable.participants.api.FindParticipant;
import org.roundtable.participants.api.FindParticipantExport;
import org.roundtable.participants.api.FindParticipantVersion;
import org.roundtable.participants.api.FindParticipants;
import org.roundtable.participants.api.GiveConsent;
import org.roundtable.participants.api.ParticipantExport;
import org.roundtable.participants.api.ParticipantPage;
import org.roundtable.participants.api.ParticipantView;
import org.roundtable.participants.api.WithdrawConsent;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Participants of the caller's agency. The tenant is always the caller's; a participant of another
 * tenant answers 404 like a missing one. Writes wait (a few seconds at most) until the directory
 * shows them, so a client may read its own write at once. Every write answers with
 * {@code ETag: "<aggregate version>"}.
 */
@RestController
@RequestMapping("/api/participants")
public class ParticipantController {

    static final String WRITERS = "hasAnyRole('admin','staff')";
    static final String READERS = "hasAnyRole('admin','staff','auditor')";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModelAwait await;

    ParticipantController(CommandGateway commands, QueryGateway queries, ReadModelAwait await) {
        this.commands = commands;
        this.queries = queries;
        this.await = await;
    }

    /** Registers a participant: 201, {@code Location: /api/participants/{id}}, body {@code {"id": "..."}}. */
    @PostMapping
    @PreAuthorize(WRITERS)
    public ResponseEntity<ParticipantCreated> register(@Valid @RequestBody RegisterParticipantRequest request,
                                                       Caller caller) {
        String id = (request.id() == null ? UUID.randomUUID() : request.id()).toString();
        long version = commands.<Long>sendAndWait(request.toCommand(id));
        await.participant(caller.tenant(), id, version);
        return ResponseEntity.created(URI.create("/api/participants/" + id))
                .eTag(etag(version))
                .body(new ParticipantCreated(id));
    }

    /** Lists participants, 0-based pages of at most 200, by name substring, town and reach group. */
    @GetMapping
    @PreAuthorize(READERS)
    public ParticipantPage list(@RequestParam(required = false) @Size(max = 200) String name,
                                @RequestParam(required = false) @Size(max = 100) String town,
                                @RequestParam(required = false) @Pattern(regexp = Consents.CODE_REGEX) String reachGroup,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(FindParticipants.MAX_SIZE) int size,
                                Caller caller) {
        return queries.query(new FindParticipants(caller.tenant(), name, town, reachGroup, page, size),
                ParticipantPage.class).join();
    }

    /** One participant, with {@code ETag: "<version>"} to send back as {@code If-Match} when correcting. */
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    public ResponseEntity<ParticipantView> get(@PathVariable String id, Caller caller) {
        ParticipantView view = find(caller, id);
        return ResponseEntity.ok().eTag(etag(view.version())).body(view);
    }

    /**
     * Corrects the profile with a merge patch ({@code application/merge-patch+json} or
     * {@code application/json}). {@code If-Match: "<version>"} is required (428 without it); a stale
     * version answers 412. Answers 200 with the corrected participant and its new ETag.
     */
    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    @PreAuthorize(WRITERS)
    public ResponseEntity<ParticipantView> correct(@PathVariable String id,
                                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                   @Valid @RequestBody CorrectParticipantRequest request,
                                                   Caller caller) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainException(ProblemType.PRECONDITION_REQUIRED, "If-Match with the participant's ETag is required");
        }
        long expected = parseEtag(ifMatch);
        // another tenant's participant must answer 404 before any version check could answer 412
        requireVisible(caller, id);
        long version = commands.<Long>sendAndWait(request.toCommand(id, expected));
        await.participant(caller.tenant(), id, version);
        ParticipantView view = find(caller, id);
        return ResponseEntity.ok().eTag(etag(version)).body(view);
    }

    /** Records consent for a purpose; 204 with the new ETag. Giving a consent already in force changes nothing. */
    @PostMapping("/{id}/consents")
    @PreAuthorize(WRITERS)
    public ResponseEntity<Void> giveConsent(@PathVariable String id, @Valid @RequestBody ConsentRequest request,
                                            Caller caller) {
        long version = commands.<Long>sendAndWait(new GiveConsent(id, request.purpose(), request.givenBy()));
        await.participant(caller.tenant(), id, version);
        return ResponseEntity.noContent().eTag(etag(version)).build();
    }

    /**
     * Withdraws the consent in force for a purpose, as an event; 204 with the new ETag, 422 if none is
     * in force. Withdrawing {@code special-category} also drops the participant's reach groups.
     */
    @DeleteMapping("/{id}/consents/{purpose}")
    @PreAuthorize(WRITERS)
    public ResponseEntity<Void> withdrawConsent(@PathVariable String id,
                                                @PathVariable @Pattern(regexp = Consents.CODE_REGEX) String purpose,
                                                Caller caller) {
        long version = commands.<Long>sendAndWait(new WithdrawConsent(id, purpose));
        await.participant(caller.tenant(), id, version);
        return ResponseEntity.noContent().eTag(etag(version)).build();
    }

    /** The subject-access export: everything held about the person, including consent history. */
    @GetMapping("/{id}/export")
    @PreAuthorize(READERS)
    public ParticipantExport export(@PathVariable String id, Caller caller) {
        return queries.query(new FindParticipantExport(caller.tenant(), id),
                        ResponseTypes.optionalInstanceOf(ParticipantExport.class)).join()
                .orElseThrow(() -> DomainException.notFound("participant"));
    }

    /**
     * Erases the person's personal data by destroying their key; 204 with the new ETag. Idempotent:
     * erasing again answers 204 without a new event and destroys the key again, so a retry is safe.
     * Afterwards the participant reads as erased but still counts in figures.
     */
    @PostMapping("/{id}/erasure")
    @PreAuthorize(WRITERS)
    public ResponseEntity<Void> erase(@PathVariable String id,
                                      @Valid @RequestBody(required = false) ErasureRequest request,
                                      Caller caller) {
        String reason = request == null ? null : request.reason();
        long version = commands.<Long>sendAndWait(new EraseParticipant(id, reason));
        await.participant(caller.tenant(), id, version);
        return ResponseEntity.noContent().eTag(etag(version)).build();
    }

    private ParticipantView find(Caller caller, String id) {
        Optional<ParticipantView> view = queries.query(new FindParticipant(caller.tenant(), id),
                ResponseTypes.optionalInstanceOf(ParticipantView.class)).join();
        return view.orElseThrow(() -> DomainException.notFound("participant"));
    }

    private void requireVisible(Caller caller, String id) {
        Long version = queries.query(new FindParticipantVersion(caller.tenant(), id), Long.class).join();
        if (version == null || version < 0) {
            throw DomainException.notFound("participant");
        }
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** A strong ETag of ours is a quoted version number; anything else cannot match the current one (412). */
    static long parseEtag(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                long version = Long.parseLong(tag.substring(1, tag.length() - 1));
                if (version >= 0) {
                    return version;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the precondition failure
            }
        }
        throw new DomainException(ProblemType.PRECONDITION_FAILED, "If-Match does not match the participant's ETag");
    }

    /** Body of a registration's 201 answer. */
    public record ParticipantCreated(String id) {
    }
}
