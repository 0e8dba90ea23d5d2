package org.roundtable.server.asof;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.DomainException;
import org.roundtable.networks.api.Quarter;
import org.roundtable.networks.api.QuarterOutcomes;
import org.roundtable.participants.api.Consents;
import org.roundtable.participants.api.FindParticipants;
import org.roundtable.participants.api.ParticipantPage;
import org.roundtable.programmes.api.ProgrammeReport;
import org.roundtable.server.asof.AsOfReadModels.Answer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read models as they stood at a ledger position or an instant ({@code asOf=1234} or
 * {@code asOf=2026-04-30T12:00:00Z}), with the same roles and the same tenant isolation as the live
 * endpoints. The body is {@code {asOfPosition, asOf, result}}: {@code result} is what the live endpoint
 * answers, {@code asOfPosition} the position it reflects, {@code asOf} the instant asked for (null when a
 * position was). A person erased since reads as erased at any position: the history cannot bring data back.
 * The answer's {@code Server-Timing} header says how long the replay and the query took.
 */
@RestController
@RequestMapping(path = "/api/as-of", produces = MediaType.APPLICATION_JSON_VALUE)
public class AsOfController {

    static final String AGENCY_READERS = "hasAnyRole('admin','staff','auditor')";
    static final String NETWORK_READERS = "hasAnyRole('admin','staff','chair','auditor')";

    private final AsOfReadModels readModels;

    AsOfController(AsOfReadModels readModels) {
        this.readModels = readModels;
    }

    /** The caller's agency's participant directory as of a point, filtered and paged like the live listing. */
    @GetMapping("/participants")
    @PreAuthorize(AGENCY_READERS)
    public ResponseEntity<AsOfResult<ParticipantPage>> participants(
            @RequestParam String asOf,
            @RequestParam(required = false) @Size(max = 200) String name,
            @RequestParam(required = false) @Size(max = 100) String town,
            @RequestParam(required = false) @Pattern(regexp = Consents.CODE_REGEX) String reachGroup,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(FindParticipants.MAX_SIZE) int size,
            Caller caller) {
        FindParticipants query = new FindParticipants(caller.tenant(), name, town, reachGroup, page, size);
        return answer(readModels.participants(caller, query, AsOf.parse(asOf)), Optional::of);
    }

    /** A programme's report as of a point; 404 if the caller's agency had no such programme at that point. */
    @GetMapping("/programmes/{id}/report")
    @PreAuthorize(AGENCY_READERS)
    public ResponseEntity<AsOfResult<ProgrammeReport>> programmeReport(
            @PathVariable String id,
            @RequestParam String asOf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Caller caller) {
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.rule("the report period starts after it ends");
        }
        return answer(readModels.programmeReport(caller, id, from, to, AsOf.parse(asOf)), report -> report);
    }

    /** A network's quarter ({@code yyyy-Qn}) as of a point, for the network's member agencies. */
    @GetMapping("/networks/{id}/quarters/{quarter}")
    @PreAuthorize(NETWORK_READERS)
    public ResponseEntity<AsOfResult<QuarterOutcomes>> networkQuarter(
            @PathVariable String id,
            @PathVariable @Pattern(regexp = Quarter.REGEX) String quarter,
            @RequestParam String asOf,
            Caller caller) {
        return answer(readModels.networkQuarter(caller, id, Quarter.parse(quarter), AsOf.parse(asOf)), outcomes -> outcomes);
    }

    private static <T, R> ResponseEntity<AsOfResult<R>> answer(Answer<T> answer,
                                                                java.util.function.Function<T, Optional<R>> found) {
        R result = found.apply(answer.result()).orElseThrow(() -> DomainException.notFound("resource"));
        return ResponseEntity.ok()
                .header(LivePositions.POSITION_HEADER, Long.toString(answer.position()))
                .header(LivePositions.EXACT_HEADER, "true")
                .header("Server-Timing", "prepare;dur=" + answer.timings().prepare()
                        + ", replay;dur=" + answer.timings().replay() + ";desc=\"" + answer.replayed().passed()
                        + " events read, " + answer.replayed().applied() + " applied in "
                        + answer.replayed().applyMillis() + " ms\", query;dur="
                        + answer.timings().query() + ", drop;dur=" + answer.timings().drop())
                .body(new AsOfResult<>(answer.position(), answer.instant(), result));
    }

    /**
     * An as-of answer.
     *
     * @param asOfPosition the ledger position the result reflects
     * @param asOf         the instant asked for, or null when a position was
     * @param result       the live endpoint's answer as it was at that position
     */
    public record AsOfResult<T>(long asOfPosition, Instant asOf, T result) {
    }
}
