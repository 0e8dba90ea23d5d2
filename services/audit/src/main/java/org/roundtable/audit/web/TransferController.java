package org.roundtable.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Arrays;
import org.roundtable.audit.export.ExportFormat;
import org.roundtable.audit.export.LedgerExporter;
import org.roundtable.audit.export.LedgerImporter;
import org.roundtable.audit.export.TransferImport;
import org.roundtable.audit.export.TransferKeys;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.ProblemType;
import org.roundtable.kernel.Roles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Moving an agency to another instance: its admin exports the history with the per-person keys wrapped under a
 * transfer passphrase; the platform operator of the other instance imports it there, into an agency without events.
 */
@RestController
public class TransferController {

    /** The header that carries an import's transfer passphrase (a header, so it stays out of URLs and access logs). */
    public static final String PASSPHRASE_HEADER = "Transfer-Passphrase";
    public static final String IMPORTS = "/api/audit/imports";
    static final String ADMINS = "hasRole('" + Roles.ADMIN + "')";

    private final LedgerExporter exporter;
    private final TransferImport imports;

    TransferController(LedgerExporter exporter, TransferImport imports) {
        this.exporter = exporter;
        this.imports = imports;
    }

    /**
     * The agency's sealed history as signed NDJSON with its people's keys wrapped under the passphrase. Only the
     * agency's admin may take the keys out: whoever holds them and the passphrase reads its personal data.
     */
    @PostMapping(value = "/api/audit/transfer-export", produces = ExportFormat.MEDIA_TYPE)
    @PreAuthorize(ADMINS)
    public ResponseEntity<StreamingResponseBody> export(@Valid @RequestBody TransferExportRequest request, Caller caller) {
        char[] passphrase = request.transferPassphrase().toCharArray();
        StreamingResponseBody body = out -> {
            try {
                exporter.export(caller.tenantId(), out, passphrase);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ExportFormat.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"roundtable-" + caller.tenant() + "-transfer.ndjson\"")
                .body(body);
    }

    /**
     * Imports an export (the request body, NDJSON) into this instance; its agency must have no events here. 201
     * with what was written; 422 when the export does not verify or its keys do not open, 409 when the agency
     * already has events here or the export's positions are taken; nothing is written in either case.
     */
    @PostMapping(value = IMPORTS, consumes = {ExportFormat.MEDIA_TYPE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @PreAuthorize(ReplayController.OPERATOR)
    public ResponseEntity<LedgerImporter.Result> importExport(
            HttpServletRequest request,
            @RequestHeader(name = PASSPHRASE_HEADER, required = false) String passphrase) throws IOException {
        char[] secret = passphrase == null ? null : passphrase.toCharArray();
        if (secret != null && secret.length < TransferKeys.MIN_PASSPHRASE_LENGTH) {
            throw new DomainException(ProblemType.BAD_REQUEST, "A transfer passphrase has at least "
                    + TransferKeys.MIN_PASSPHRASE_LENGTH + " characters");
        }
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(imports.importFrom(request.getInputStream(), secret));
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }
}
