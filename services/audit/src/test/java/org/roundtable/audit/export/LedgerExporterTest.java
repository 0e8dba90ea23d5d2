package org.roundtable.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roundtable.audit.TestLedger;
import org.roundtable.audit.TestLedger.PersonRegistered;
import org.roundtable.audit.TestLedger.SessionHeld;
import org.roundtable.audit.digest.SigningKey;
import org.roundtable.kernel.TenantId;
import org.roundtable.ledger.store.LedgerSchema;

@DisplayName("The export")
class LedgerExporterTest {

    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private TestLedger ledger;
    private LedgerExporter exporter;

    @BeforeEach
    void start() {
        ledger = new TestLedger();
        ledger.append("kent", "p-1", "officer-1", AT, new PersonRegistered("p-1", "Ana Lakatos", "Folkestone"));
        ledger.append("krefeld", "p-9", "mediator-1", AT, new PersonRegistered("p-9", "Ion Popa", "Krefeld"));
        ledger.append("kent", "s-1", "officer-1", AT, new SessionHeld("s-1", 1), new SessionHeld("s-1", 2));
        ledger.append("kent", "s-2", "officer-1", AT, new SessionHeld("s-2", 3));
        exporter = new LedgerExporter(ledger.database(), 2, ledger.verifier(), ledger.sealer(), SigningKey.generate(),
                Clock.fixed(AT, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    private List<Document> export(String tenant) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(new TenantId(tenant), out);
        return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n")).map(Document::parse).toList();
    }

    @Test
    void holds_every_commit_of_the_agency_exactly_as_stored_and_nothing_of_another() {
        List<Document> lines = export("kent");

        assertThat(lines).hasSize(4);
        List<Document> commits = lines.subList(0, 3).stream().map(line -> line.get("commit", Document.class)).toList();
        assertThat(commits).extracting(commit -> commit.get("_id")).containsExactly(1L, 3L, 5L);
        for (Document commit : commits) {
            assertThat(commit).isEqualTo(ledger.events().find(Filters.eq("_id", commit.get("_id"))).first());
        }
        assertThat(lines.toString()).doesNotContain("krefeld").doesNotContain("p-9");
        Document trailer = lines.get(3).get("trailer", Document.class);
        assertThat(trailer.get("commits")).isEqualTo(3);
        assertThat(trailer.get("events")).isEqualTo(4);
        assertThat(trailer.get("throughPosition")).isEqualTo(5);
        assertThat(trailer.getString("tenantId")).isEqualTo("kent");
        assertThat(export("krefeld").get(0).get("commit", Document.class).getString(LedgerSchema.TENANT)).isEqualTo("krefeld");
    }

    @Test
    void carries_each_commits_seal_record_and_the_chain_before_it() {
        List<Document> lines = export("kent");

        Document firstSeal = lines.get(0).get("seal", Document.class);
        assertThat(firstSeal.getString("chainBefore")).isEqualTo(ExportFormat.ZERO_HASH);
        assertThat(firstSeal.getList("eventHashes", String.class)).hasSize(1);
        // commit 3 follows krefeld's commit 2: its chainBefore is that commit's chain, which is not exported
        Document secondSeal = lines.get(1).get("seal", Document.class);
        assertThat(secondSeal.getString("chainBefore")).isNotEqualTo(firstSeal.getString("chain"));
        assertThat(lines.get(2).get("seal", Document.class).getString("chainBefore")).isEqualTo(secondSeal.getString("chain"));
    }

    @Test
    void stops_at_the_sealed_head_and_leaves_a_commit_whose_predecessor_is_missing_for_the_next_export() {
        ledger.reserveThrough(6);
        ledger.appendAt(7, "kent", "s-3", "officer-1", AT, new SessionHeld("s-3", 5));

        List<Document> lines = export("kent");

        assertThat(lines).hasSize(4);
        assertThat(lines.get(3).get("trailer", Document.class).get("throughPosition")).isEqualTo(5);
    }
}
