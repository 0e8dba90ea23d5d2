package org.roundtable.audit.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.audit.TestLedger;
import org.roundtable.audit.TestLedger.SessionHeld;
import org.roundtable.audit.api.SignedDigest;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.ProblemType;
import org.roundtable.kernel.TenantId;

@DisplayName("Signed digests")
class DigestServiceTest {

    static final Instant AT = Instant.parse("2026-03-01T10:00:00.123456Z");
    static final Caller KENT_AUDITOR = new Caller(new TenantId("kent"), "auditor-1", Set.of("auditor"));

    private TestLedger ledger;
    private SigningKey key;
    private DigestService digests;

    @BeforeEach
    void start() {
        ledger = new TestLedger();
        ledger.append("kent", "s-1", "officer-1", AT, new SessionHeld("s-1", 1), new SessionHeld("s-1", 2));
        ledger.append("krefeld", "s-2", "mediator-1", AT, new SessionHeld("s-2", 3));
        key = SigningKey.generate();
        digests = new DigestService(ledger.database(), ledger.verifier(), ledger.sealer(), key, Clock.fixed(AT, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void signs_the_sealed_head_so_that_the_signature_checks_out_under_the_public_key() {
        SignedDigest digest = digests.create(KENT_AUDITOR);

        assertThat(digest.position()).isEqualTo(3);
        assertThat(digest.chainHead()).isEqualTo(ledger.verifier().head().chain());
        assertThat(digest.signedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123Z"));
        assertThat(digest.algorithm()).isEqualTo("Ed25519");
        assertThat(digest.requestedBy()).isEqualTo("auditor-1");
        assertThat(Signatures.verifyDigest(digest, Signatures.publicKey(digests.publicKey().pem()))).isTrue();
        assertThat(Signatures.verifyDigest(digest, Signatures.publicKey(digest.publicKey()))).isTrue();
    }

    @Test
    void rejects_a_digest_whose_content_or_signature_was_changed_or_that_another_key_signed() {
        SignedDigest digest = digests.create(KENT_AUDITOR);
        byte[] bytes = Base64.getDecoder().decode(digest.signature());
        bytes[0] ^= 1;
        SignedDigest badSignature = new SignedDigest(digest.id(), digest.position(), digest.chainHead(), digest.signedAt(),
                digest.algorithm(), Base64.getEncoder().encodeToString(bytes), digest.publicKey(), digest.requestedBy());
        SignedDigest otherPosition = new SignedDigest(digest.id(), digest.position() + 1, digest.chainHead(),
                digest.signedAt(), digest.algorithm(), digest.signature(), digest.publicKey(), digest.requestedBy());

        assertThat(Signatures.verifyDigest(badSignature, key.publicKey())).isFalse();
        assertThat(Signatures.verifyDigest(otherPosition, key.publicKey())).isFalse();
        assertThat(Signatures.verifyDigest(digest, SigningKey.generate().publicKey())).isFalse();
    }

    @Test
    void refuses_to_sign_a_ledger_that_fails_verification() {
        ledger.seal();
        ledger.tamper(1, 0, "payload", "{\"sessionId\":\"s-1\",\"headcount\":9}");

        assertThatThrownBy(() -> digests.create(KENT_AUDITOR))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.CONFLICT);
                    assertThat(e.getMessage()).contains("position 1");
                });
    }

    @Test
    void lists_the_agencys_own_digests_newest_first() {
        Clock later = Clock.fixed(AT.plusSeconds(60), ZoneOffset.UTC);
        SignedDigest first = digests.create(KENT_AUDITOR);
        ledger.append("kent", "s-3", "officer-1", AT, new SessionHeld("s-3", 4));
        SignedDigest second = new DigestService(ledger.database(), ledger.verifier(), ledger.sealer(), key, later)
                .create(KENT_AUDITOR);
        digests.create(new Caller(new TenantId("krefeld"), "auditor-9", Set.of("auditor")));

        assertThat(digests.list(new TenantId("kent"), 10)).containsExactly(second, first);
        assertThat(digests.list(new TenantId("kent"), 1)).containsExactly(second);
        assertThat(digests.list(new TenantId("krefeld"), 10)).hasSize(1)
                .allSatisfy(digest -> assertThat(digest.requestedBy()).isEqualTo("auditor-9"));
    }

    @Test
    void keeps_a_generated_key_in_an_owner_only_file_and_reads_the_same_key_back(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/digest-signing-key.pem");

        SigningKey created = SigningKey.loadOrCreate(file);
        SigningKey reloaded = SigningKey.loadOrCreate(file);

        assertThat(reloaded.publicKeyBase64()).isEqualTo(created.publicKeyBase64());
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        byte[] message = "m".getBytes();
        assertThat(Signatures.verify(created.publicKey(), message,
                Base64.getEncoder().encodeToString(reloaded.sign(message)))).isTrue();
    }

    @Test
    void takes_a_configured_pkcs8_key_in_base64_or_pem_and_derives_its_public_key() {
        SigningKey original = SigningKey.generate();
        String pem = original.privateKeyPem();
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replace("\n", "");

        assertThat(SigningKey.fromPkcs8(base64).publicKeyBase64()).isEqualTo(original.publicKeyBase64());
        assertThat(SigningKey.fromPkcs8(pem).publicKeyBase64()).isEqualTo(original.publicKeyBase64());
        assertThatThrownBy(() -> SigningKey.fromPkcs8("bm90IGEga2V5")).isInstanceOf(IllegalArgumentException.class);
    }
}
