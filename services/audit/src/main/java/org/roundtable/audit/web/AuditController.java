package org.roundtable.audit.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.roundtable.audit.api.HistoryPage;
import org.roundtable.audit.api.VerificationReport;
import org.roundtable.audit.export.ExportFormat;
import org.roundtable.audit.export.LedgerExporter;
import org.roundtable.audit.query.AuditHistory;
import org.roundtable.audit.query.AuditVerification;
import org.roundtable.audit.query.HistoryFilter;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.ProblemType;
import org.roundtable.kernel.Roles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The caller's agency's history, read from the ledger, for auditors and admins.
 *
 * <p>Personal data: an {@code admin} sees it (they manage the participants anyway); an {@code auditor}
 * sees {@code "[personal data]"} in its place, since checking who did what and when needs no names.
 * After a person's erasure everyone sees {@code "[erased]"}.
 */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    static final String AUDITORS = "hasAnyRole('" + Roles.AUDITOR + "','" + Roles.ADMIN + "')";

    private final AuditHistory history;
    private final AuditVerification verification;
    private final LedgerExporter exporter;

    AuditController(AuditHistory history, AuditVerification verification, LedgerExporter exporter) {
        this.history = history;
        this.verification = verification;
        this.exporter = exporter;
    }

    /**
     * Events in ledger order: {@code from} (inclusive) and {@code to} (exclusive) are ISO-8601 instants on the
     * event's timestamp; {@code afterPosition} (exclusive) and {@code toPosition} (inclusive) are positions;
     * {@code type} is a full or simple class name. Continue with {@code afterPosition=nextAfterPosition}.
     */
    @GetMapping("/events")
    @PreAuthorize(AUDITORS)
    public HistoryPage events(@RequestParam(required = false) @Size(max = 200) String aggregateId,
                              @RequestParam(required = false) @Size(max = 300) String type,
                              @RequestParam(required = false) @Size(max = 200) String actor,
                              @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to,
                              @RequestParam(defaultValue = "0") @Min(0) long afterPosition,
                              @RequestParam(required = false) @Min(0) Long toPosition,
                              @RequestParam(defaultValue = "100") @Min(1) @Max(HistoryFilter.MAX_LIMIT) int limit,
                              Caller caller) {
        HistoryFilter filter = new HistoryFilter(blankToNull(aggregateId), blankToNull(type), blankToNull(actor),
                instant("from", from), instant("to", to), afterPosition, toPosition, limit);
        return history.find(caller.tenantId(), filter, caller.hasRole(Roles.ADMIN));
    }

    /** Verifies the whole ledger (every tenant's events: one chain) against its seals. */
    @GetMapping("/verification")
    @PreAuthorize(AUDITORS)
    public VerificationReport verification() {
        return verification.verify();
    }

    /** The agency's sealed history as signed NDJSON (see {@link ExportFormat}). */
    @GetMapping(value = "/export", produces = ExportFormat.MEDIA_TYPE)
    @PreAuthorize(AUDITORS)
    public ResponseEntity<StreamingResponseBody> export(Caller caller) {
        StreamingResponseBody body = out -> exporter.export(caller.tenantId(), out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ExportFormat.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"roundtable-" + caller.tenant() + "-history.ndjson\"")
                .body(body);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new DomainException(ProblemType.BAD_REQUEST, name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
