package org.roundtable.audit.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.audit.TestLedger;
import org.roundtable.audit.TestLedger.PersonRegistered;
import org.roundtable.audit.api.HistoryEvent;
import org.roundtable.audit.digest.SigningKey;
import org.roundtable.audit.query.AuditHistory;
import org.roundtable.audit.query.HistoryFilter;
import org.roundtable.kernel.TenantId;

@DisplayName("Moving an agency with its people's keys")
class TransferExportTest {

    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @TempDir
    Path dir;
    private TestLedger source;
    private TestLedger target;
    private Path file;

    @BeforeEach
    void exportKentWithKeys() throws IOException {
        source = new TestLedger();
        source.append("kent", "p-1", "officer-1", AT, new PersonRegistered("p-1", "Ada Lovelace", "Dover"));
        source.append("krefeld", "p-9", "mediator-1", AT, new PersonRegistered("p-9", "Hanna Krefelder", "Krefeld"));
        source.append("kent", "p-2", "officer-1", AT, new PersonRegistered("p-2", "Bob Erased", "Deal"));
        source.keys().erase("p-2");
        file = dir.resolve("kent.ndjson");
        try (OutputStream out = Files.newOutputStream(file)) {
            new LedgerExporter(source.database(), 500, source.verifier(), source.sealer(), SigningKey.generate(),
                    Clock.fixed(AT, ZoneOffset.UTC), source.keys()).export(new TenantId("kent"), out, PASSPHRASE);
        }
        target = new TestLedger();
    }

    @AfterEach
    void close() {
        source.close();
        target.close();
    }

    @Test
    void carries_live_keys_wrapped_and_erased_people_by_id_only_under_the_signature() throws IOException {
        String text = Files.readString(file);
        List<String> lines = List.of(text.split("\n"));
        Document keys = Document.parse(lines.get(lines.size() - 2)).get(TransferKeys.LINE, Document.class);
        assertThat(keys.getList("subjects", Document.class)).extracting(s -> s.getString("s")).containsExactly("p-1");
        assertThat(keys.getList("erased", String.class)).containsExactly("p-2");
        String rawKey = Base64.getEncoder().encodeToString(source.keys().readableKey("p-1").orElseThrow().getEncoded());
        assertThat(text).doesNotContain(rawKey).doesNotContain("Ada Lovelace").doesNotContain("p-9");
        Document trailer = Document.parse(lines.get(lines.size() - 1)).get("trailer", Document.class);
        assertThat(trailer.getString("format")).isEqualTo("roundtable-export-v2");

        ExportReport report = new ExportVerifier().verify(file);
        assertThat(report.ok()).as(String.valueOf(report.failure())).isTrue();
    }

    @Test
    void an_import_with_the_passphrase_reads_the_people_and_keeps_the_erased_one_erased() throws IOException {
        ExportReport report = new ExportVerifier().verify(file);

        LedgerImporter.Result result = new LedgerImporter(target.database(), 500)
                .importExport(file, report, PASSPHRASE, target.keys(), commits -> { });

        assertThat(result.subjectKeys()).isEqualTo(1);
        assertThat(result.erasedSubjects()).isEqualTo(1);
        assertThat(target.keys().isErased("p-2")).isTrue();
        List<HistoryEvent> events = new AuditHistory(target.database(), target.serializer(), instant -> 0L, 500, 1_000)
                .find(new TenantId("kent"), HistoryFilter.all(), true).items();
        assertThat(events).extracting(e -> e.payload().path("name").asText()).containsExactly("Ada Lovelace", "[erased]");
        // the target wraps the key with its own master key: the stored document is not the source's
        assertThat(target.database().getCollection("ledger_subject_keys").find(new Document("_id", "p-1")).first()
                .get("key")).isNotEqualTo(source.database().getCollection("ledger_subject_keys")
                .find(new Document("_id", "p-1")).first().get("key"));
    }

    @Test
    void a_wrong_passphrase_or_none_writes_nothing() throws IOException {
        ExportReport report = new ExportVerifier().verify(file);
        LedgerImporter importer = new LedgerImporter(target.database(), 500);

        assertThatThrownBy(() -> importer.importExport(file, report, "a wrong passphrase".toCharArray(), target.keys(),
                commits -> { })).isInstanceOf(LedgerImporter.KeysUnreadable.class).hasMessageContaining("passphrase");
        assertThatThrownBy(() -> importer.importExport(file, report, null, target.keys(), commits -> { }))
                .isInstanceOf(LedgerImporter.KeysUnreadable.class);
        assertThat(target.events().countDocuments()).isZero();
        assertThat(target.database().getCollection("ledger_subject_keys").countDocuments()).isZero();
        assertThat(target.database().getCollection("ledger_counters").countDocuments()).isZero();
    }

    @Test
    void refuses_a_person_who_holds_another_key_in_the_target_before_writing() throws IOException {
        target.keys().keyFor("p-1");
        ExportReport report = new ExportVerifier().verify(file);

        assertThatThrownBy(() -> new LedgerImporter(target.database(), 500)
                .importExport(file, report, PASSPHRASE, target.keys(), commits -> { }))
                .isInstanceOf(LedgerImporter.ImportRefused.class).hasMessageContaining("p-1");
        assertThat(target.events().countDocuments()).isZero();
        assertThat(target.keys().isErased("p-2")).isFalse();
    }

    @Test
    void a_changed_removed_or_added_keys_line_fails_verification() throws IOException {
        List<String> lines = new ArrayList<>(List.of(Files.readString(file).split("\n")));
        int keysAt = lines.size() - 2;
        String keysLine = lines.get(keysAt);

        List<String> changed = new ArrayList<>(lines);
        changed.set(keysAt, keysLine.replace("\"p-2\"", "\"p-3\""));
        assertThat(verify(changed).failure().detail()).contains("keys line was changed");

        List<String> removed = new ArrayList<>(lines);
        removed.remove(keysAt);
        assertThat(verify(removed).failure().detail()).contains("does not hold");

        List<String> moved = new ArrayList<>(lines);
        moved.remove(keysAt);
        moved.add(0, keysLine);
        assertThat(verify(moved).ok()).isFalse();
    }

    private ExportReport verify(List<String> lines) throws IOException {
        Path changed = dir.resolve("changed.ndjson");
        Files.writeString(changed, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        ExportReport report = new ExportVerifier().verify(changed);
        assertThat(report.ok()).isFalse();
        return report;
    }
}
