package org.roundtable.audit.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roundtable.audit.TestLedger;
import org.roundtable.audit.TestLedger.SessionHeld;
import org.roundtable.audit.api.VerificationReport;

@DisplayName("Verification of the ledger")
class AuditVerificationTest {

    private TestLedger ledger;
    private AuditVerification verification;

    @BeforeEach
    void start() {
        ledger = new TestLedger();
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        ledger.append("kent", "s-1", "officer-1", at, new SessionHeld("s-1", 1), new SessionHeld("s-1", 2));
        ledger.append("krefeld", "s-2", "mediator-1", at, new SessionHeld("s-2", 3));
        ledger.append("kent", "s-3", "officer-1", at, new SessionHeld("s-3", 4), new SessionHeld("s-3", 5));
        verification = new AuditVerification(ledger.verifier(), ledger.sealer());
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void seals_what_it_can_and_reports_an_untouched_ledger_as_verified() {
        VerificationReport report = verification.verify();

        assertThat(report.ok()).isTrue();
        assertThat(report.verifiedThrough()).isEqualTo(5);
        assertThat(report.chainHead()).hasSize(64).isEqualTo(ledger.verifier().head().chain());
        assertThat(report.failure()).isNull();
    }

    @Test
    void reports_a_tampered_payload_at_its_exact_position() {
        verification.verify();
        ledger.tamper(4, 1, "payload", "{\"sessionId\":\"s-3\",\"headcount\":50}");

        VerificationReport report = verification.verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.verifiedThrough()).isEqualTo(3);
        assertThat(report.failure().position()).isEqualTo(5);
        assertThat(report.failure().kind()).isEqualTo("ALTERED");
        assertThat(report.failure().detail()).contains("5").doesNotContain("headcount");
    }
}
