package org.roundtable.audit.query;

import org.roundtable.audit.api.VerificationReport;
import org.roundtable.ledger.seal.Sealer;
import org.roundtable.ledger.seal.VerificationResult;
import org.roundtable.ledger.seal.Verifier;

/**
 * Checks the whole ledger against its hash chain. Seals what can be sealed first, so the report covers
 * every commit older than the sealer's gap timeout. The chain is global: the report names positions and
 * field names only, never contents, so any tenant's auditor may read it.
 */
public class AuditVerification {

    private final Verifier verifier;
    private final Sealer sealer;

    public AuditVerification(Verifier verifier, Sealer sealer) {
        this.verifier = verifier;
        this.sealer = sealer;
    }

    public VerificationReport verify() {
        sealer.sealAvailable();
        return report(verifier.verifyAll());
    }

    static VerificationReport report(VerificationResult result) {
        VerificationReport.Failure failure = result.ok() ? null : new VerificationReport.Failure(
                result.failurePosition(), result.failureKind().name(), result.detail());
        return new VerificationReport(result.ok(), result.verifiedThrough(), result.chainHead(), failure);
    }
}
