package org.roundtable.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.audit.TestLedger;
import org.roundtable.audit.TestLedger.PersonRegistered;
import org.roundtable.audit.TestLedger.SessionHeld;
import org.roundtable.audit.api.SignedDigest;
import org.roundtable.audit.digest.DigestService;
import org.roundtable.audit.digest.SigningKey;
import org.roundtable.audit.export.LedgerExporter;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.TenantId;
import org.roundtable.ledger.seal.ChainHashing;

@DisplayName("The audit tool checking an export offline")
class AuditCliTest {

    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;
    private TestLedger ledger;
    private SigningKey key;
    private Path export;
    private Path publicKey;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void exportKent() throws IOException {
        ledger = new TestLedger();
        ledger.append("kent", "p-1", "officer-1", AT, new PersonRegistered("p-1", "Ana Lakatos", "Folkestone"));
        ledger.append("krefeld", "p-9", "mediator-1", AT, new PersonRegistered("p-9", "Ion Popa", "Krefeld"));
        ledger.append("kent", "s-1", "officer-1", AT, new SessionHeld("s-1", 1), new SessionHeld("s-1", 2));
        ledger.append("kent", "s-2", "officer-1", AT, new SessionHeld("s-2", 3));
        key = SigningKey.generate();
        export = dir.resolve("kent.ndjson");
        try (OutputStream out = Files.newOutputStream(export)) {
            new LedgerExporter(ledger.database(), 500, ledger.verifier(), ledger.sealer(), key,
                    Clock.fixed(AT, ZoneOffset.UTC)).export(new TenantId("kent"), out);
        }
        publicKey = dir.resolve("instance.pem");
        Files.writeString(publicKey, key.publicKeyPem());
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AuditCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private Run verify(String... extra) {
        List<String> args = new ArrayList<>(List.of("verify", "--export", export.toString()));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    private List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(export, StandardCharsets.UTF_8));
    }

    private void write(List<String> lines) throws IOException {
        Files.writeString(export, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void accepts_an_untouched_export_under_the_instances_public_key() {
        Run run = verify("--public-key", publicKey.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("OK: 3 commits, 4 events of tenant kent, sealed through position 5")
                .contains("valid under the trusted public key");
        assertThat(run.err()).contains("checking");
    }

    @Test
    void names_the_line_that_was_changed_outside_the_hashed_fields() throws IOException {
        List<String> lines = lines();
        lines.set(0, lines.get(0).replace("\"p-1/1\"", "\"p-1/7\""));
        write(lines);

        Run run = verify();

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED: line 1: line 1 was changed: line 2 records a different SHA-256 for it");
    }

    @Test
    void reports_a_truncated_export_and_a_missing_line() throws IOException {
        List<String> lines = lines();
        write(lines.subList(0, 2));
        assertThat(verify().out()).contains("FAILED: line 3: no trailer: the export is truncated after line 2");

        lines.remove(1);
        write(lines);
        assertThat(verify().out()).contains("FAILED: line 2: the line is numbered 3: lines are missing");
    }

    @Test
    void reports_an_altered_event_at_its_line_and_position_even_when_the_file_hashes_were_redone() throws Exception {
        List<String> lines = lines();
        String altered = lines.get(1).replace("\\\"headcount\\\":2", "\\\"headcount\\\":20");
        assertThat(altered).isNotEqualTo(lines.get(1));
        lines.set(1, altered);
        // a forger also fixes the next line's record of this one
        Document next = Document.parse(lines.get(2));
        lines.set(2, lines.get(2).replace(next.getString("prev"), sha256(altered)));
        write(lines);

        Run run = verify();

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED: line 2: position 4: the event differs from its seal record");
    }

    @Test
    void rejects_a_forgery_whose_seal_hashes_were_recomputed_too_by_its_signature() throws Exception {
        List<String> lines = lines();
        // a forger rewrites the last commit's event and its seal consistently, then every file hash
        Document line = Document.parse(lines.get(2));
        Document commit = line.get("commit", Document.class);
        Document event = commit.getList("events", Document.class).get(0);
        event.put("payload", event.getString("payload").replace("\"headcount\":3", "\"headcount\":30"));
        Document seal = line.get("seal", Document.class);
        byte[] hash = ChainHashing.eventHash(event);
        seal.put("eventHashes", List.of(ChainHashing.hex(hash)));
        seal.put("chain", ChainHashing.hex(ChainHashing.chain(ChainHashing.unhex(seal.getString("chainBefore")), hash)));
        String forged = "{\"line\":3,\"prev\":\"" + line.getString("prev") + "\",\"commit\":"
                + commit.toJson(org.bson.json.JsonWriterSettings.builder().outputMode(org.bson.json.JsonMode.EXTENDED).build())
                + ",\"seal\":" + seal.toJson() + "}";
        lines.set(2, forged);
        Document trailer = Document.parse(lines.get(3));
        String allLines = lines.get(0) + "\n" + lines.get(1) + "\n" + forged + "\n";
        lines.set(3, lines.get(3)
                .replace(trailer.get("trailer", Document.class).getString("sha256"), sha256(allLines))
                .replace(trailer.get("trailer", Document.class).getString("lastLineSha256"), sha256(forged)));
        write(lines);

        Run run = verify();

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED: line 4: the trailer's signature is not valid");
    }

    @Test
    void refuses_an_export_signed_by_another_key_than_the_trusted_one() throws IOException {
        Files.writeString(publicKey, SigningKey.generate().publicKeyPem());

        assertThat(verify("--public-key", publicKey.toString()).out())
                .contains("FAILED: line 4: the export was signed with another key than the trusted one");
    }

    @Test
    void ties_a_signed_digest_to_the_export_and_rejects_a_digest_with_a_wrong_signature() throws IOException {
        SignedDigest digest = new DigestService(ledger.database(), ledger.verifier(), ledger.sealer(), key,
                Clock.fixed(AT, ZoneOffset.UTC)).create(new Caller(new TenantId("kent"), "auditor-1", java.util.Set.of("auditor")));
        Path digestFile = dir.resolve("digest.json");
        Files.writeString(digestFile, AuditCli.JSON.writeValueAsString(digest));

        Run good = verify("--digest", digestFile.toString(), "--public-key", publicKey.toString());
        assertThat(good.exit()).isZero();
        assertThat(good.out()).contains("the signed digest at position 5 matches the export's chain");

        byte[] signature = Base64.getDecoder().decode(digest.signature());
        signature[10] ^= 4;
        Files.writeString(digestFile, AuditCli.JSON.writeValueAsString(new SignedDigest(digest.id(), digest.position(),
                digest.chainHead(), digest.signedAt(), digest.algorithm(), Base64.getEncoder().encodeToString(signature),
                digest.publicKey(), digest.requestedBy())));

        Run bad = verify("--digest", digestFile.toString(), "--public-key", publicKey.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).contains("FAILED: position 5: the digest's signature is not valid under the trusted public key");
    }

    @Test
    void asks_for_either_an_export_or_a_server() {
        Run run = cli("verify");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("give either --export FILE (offline) or --url URL (remote)");
    }
}
