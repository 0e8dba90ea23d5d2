package org.roundtable.audit.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.audit.TestLedger;
import org.roundtable.audit.TestLedger.SessionHeld;
import org.roundtable.audit.api.HistoryEvent;
import org.roundtable.audit.digest.SigningKey;
import org.roundtable.audit.query.AuditHistory;
import org.roundtable.audit.query.HistoryFilter;
import org.roundtable.kernel.TenantId;
import org.roundtable.ledger.seal.SealSettings;
import org.roundtable.ledger.seal.Sealer;

@DisplayName("Importing an export")
class LedgerImporterTest {

    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;
    private TestLedger source;
    private TestLedger target;
    private Path file;
    private ExportReport report;

    @BeforeEach
    void exportKent() throws IOException {
        source = new TestLedger();
        source.append("kent", "s-1", "officer-1", AT, new SessionHeld("s-1", 1), new SessionHeld("s-1", 2));
        source.append("krefeld", "s-9", "mediator-1", AT, new SessionHeld("s-9", 3));
        source.append("kent", "s-2", "officer-1", AT, new SessionHeld("s-2", 4));
        file = dir.resolve("kent.ndjson");
        try (OutputStream out = Files.newOutputStream(file)) {
            new LedgerExporter(source.database(), 500, source.verifier(), source.sealer(), SigningKey.generate(),
                    Clock.fixed(AT, ZoneOffset.UTC)).export(new TenantId("kent"), out);
        }
        report = new ExportVerifier().verify(file);
        assertThat(report.ok()).isTrue();
        target = new TestLedger();
    }

    @AfterEach
    void close() {
        source.close();
        target.close();
    }

    @Test
    void writes_the_commits_back_at_their_positions_so_the_history_reads_the_same() throws IOException {
        LedgerImporter.Result result = new LedgerImporter(target.database(), 500).importExport(file, report, commits -> { });

        assertThat(result.commits()).isEqualTo(2);
        assertThat(result.events()).isEqualTo(3);
        assertThat(result.firstPosition()).isEqualTo(1);
        assertThat(result.lastPosition()).isEqualTo(4);
        for (long id : new long[] {1, 4}) {
            Document original = source.events().find(Filters.eq("_id", id)).first();
            assertThat(target.events().find(Filters.eq("_id", id)).first()).isEqualTo(original);
        }
        Document left = target.events().find(Filters.eq("_id", 3L)).first();
        assertThat(left).as("krefeld's position is marked empty, the ledger's marker for an unused reservation").isNotNull();
        assertThat(left.getList("events", Document.class)).isEmpty();
        assertThat(left.get("tenantId")).isNull();
        assertThat(target.keys().readableKey("anyone")).isEmpty();
        AuditHistory history = new AuditHistory(target.database(), target.serializer(), instant -> 0L, 500, 1_000);
        // readers and the sealer pass the empty position at once, no gap timeout
        assertThat(history.find(new TenantId("kent"), HistoryFilter.all(), false).items())
                .extracting(HistoryEvent::position).containsExactly(1L, 2L, 4L);
        Sealer sealer = new Sealer(target.database(), SealSettings.defaults());
        sealer.sealAvailable();
        assertThat(sealer.head().position()).isEqualTo(4);
        assertThat(target.verifier().verifyAll().ok()).isTrue();
        assertThat(((Number) target.database().getCollection("ledger_counters").find(Filters.eq("_id", "position")).first()
                .get("value")).longValue()).as("the target's writers go on after the imported history").isEqualTo(4);
    }

    @Test
    void refuses_positions_a_running_target_has_reserved_though_not_written() {
        target.reserveThrough(1);

        assertThatThrownBy(() -> new LedgerImporter(target.database(), 500).importExport(file, report, commits -> { }))
                .isInstanceOf(LedgerImporter.ImportRefused.class)
                .hasMessageContaining("Position 1 is reserved in the target");
        assertThat(target.events().countDocuments()).isZero();
    }

    @Test
    void refuses_before_writing_when_the_agency_already_has_events_there() {
        target.append("krefeld", "x-1", "someone", AT, new SessionHeld("x-1", 1));
        target.appendAt(30, "kent", "x-2", "someone", AT, new SessionHeld("x-2", 1));

        assertThatThrownBy(() -> new LedgerImporter(target.database(), 500).importExport(file, report, commits -> { }))
                .isInstanceOf(LedgerImporter.ImportRefused.class)
                .hasMessageContaining("Tenant kent already has events in the target (at position 30)");
        assertThat(target.events().countDocuments()).isEqualTo(2);
    }

    @Test
    void refuses_when_an_exported_position_is_taken_in_the_target() {
        target.appendAt(2, "darmstadt", "d-1", "someone", AT, new SessionHeld("d-1", 1));

        assertThatThrownBy(() -> new LedgerImporter(target.database(), 500).importExport(file, report, commits -> { }))
                .isInstanceOf(LedgerImporter.ImportRefused.class)
                .hasMessageContaining("Position 2 is taken in the target");
        assertThat(target.events().countDocuments()).isEqualTo(1);
    }

    @Test
    void refuses_positions_the_target_has_sealed_already() {
        target.append("darmstadt", "d-1", "someone", AT, new SessionHeld("d-1", 1));
        target.seal();

        assertThatThrownBy(() -> new LedgerImporter(target.database(), 500).importExport(file, report, commits -> { }))
                .isInstanceOf(LedgerImporter.ImportRefused.class)
                .hasMessageContaining("Position 1 is already sealed in the target");
    }

    @Test
    void refuses_an_export_that_did_not_verify() {
        ExportReport failed = new ExportReport(false, 0, 0, 0, "kent", null, null, java.util.List.of(),
                new ExportReport.Failure(1L, null, "broken"));

        assertThatThrownBy(() -> new LedgerImporter(target.database(), 500).importExport(file, failed, commits -> { }))
                .isInstanceOf(LedgerImporter.ImportRefused.class);
    }
}
