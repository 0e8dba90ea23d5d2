package org.roundtable.audit.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.roundtable.audit.api.SignedDigest;
import org.roundtable.audit.api.SigningPublicKey;
import org.roundtable.audit.digest.DigestService;
import org.roundtable.kernel.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Signed digests of the ledger's chain head: create one, list the agency's, and the key to check them with. */
@RestController
@RequestMapping("/api/audit/digests")
public class DigestController {

    private final DigestService digests;

    DigestController(DigestService digests) {
        this.digests = digests;
    }

    /** Verifies the ledger and signs its sealed head: 201 with the digest; 409 when verification fails. */
    @PostMapping
    @PreAuthorize(AuditController.AUDITORS)
    @ResponseStatus(HttpStatus.CREATED)
    public SignedDigest create(Caller caller) {
        return digests.create(caller);
    }

    /** The agency's digests, newest first. */
    @GetMapping
    @PreAuthorize(AuditController.AUDITORS)
    public List<SignedDigest> list(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit, Caller caller) {
        return digests.list(caller.tenantId(), limit);
    }

    @GetMapping("/public-key")
    @PreAuthorize(AuditController.AUDITORS)
    public SigningPublicKey publicKey() {
        return digests.publicKey();
    }
}
