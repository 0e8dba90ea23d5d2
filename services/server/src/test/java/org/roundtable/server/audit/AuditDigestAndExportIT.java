package org.roundtable.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.audit.cli.AuditCli;
import org.roundtable.audit.export.ExportReport;
import org.roundtable.audit.export.ExportVerifier;
import picocli.CommandLine;

@DisplayName("Signed digests and exports that an auditor checks outside the server")
class AuditDigestAndExportIT extends AuditApplicationTest {

    @TempDir
    Path files;

    @Test
    @DisplayName("a digest is signed with Ed25519 over the documented bytes, under the instance's published key")
    void digestSignatureVerifiesWithThePublishedKey() throws GeneralSecurityException {
        HttpResponse<String> response = postDigest("kent-auditor");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode digest = json(response);
        assertThat(digest.get("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(digest.get("requestedBy").asText()).isEqualTo("kent-auditor");
        assertThat(digest.get("chainHead").asText()).matches("[0-9a-f]{64}");
        assertThat(digest.get("position").asLong()).isPositive();

        JsonNode key = getJson("/api/audit/digests/public-key", "kent-auditor");
        assertThat(key.get("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(key.get("publicKey").asText()).isEqualTo(digest.get("publicKey").asText());
        assertThat(key.get("pem").asText()).startsWith("-----BEGIN PUBLIC KEY-----");
        PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.get("publicKey").asText())));

        long position = digest.get("position").asLong();
        String chainHead = digest.get("chainHead").asText();
        String signedAt = digest.get("signedAt").asText();
        byte[] signature = Base64.getDecoder().decode(digest.get("signature").asText());
        assertThat(verifies(publicKey, digestBytes(position, chainHead, signedAt), signature)).isTrue();
        // the same signature over any other statement fails, so the check above means something
        assertThat(verifies(publicKey, digestBytes(position + 1, chainHead, signedAt), signature)).isFalse();

        JsonNode verification = getJson(VERIFICATION, "kent-auditor");
        assertThat(verification.get("ok").asBoolean()).isTrue();
        assertThat(verification.get("verifiedThrough").asLong()).isGreaterThanOrEqualTo(position);
        List<String> kentDigests = elements(getJson("/api/audit/digests?limit=5", "kent-admin")).stream()
                .map(listed -> listed.get("id").asText()).toList();
        assertThat(kentDigests).first().isEqualTo(digest.get("id").asText());
        assertThat(elements(getJson("/api/audit/digests?limit=100", "darmstadt-auditor")))
                .extracting(listed -> listed.get("id").asText()).doesNotContain(digest.get("id").asText());
    }

    @Test
    @DisplayName("an export holds only the agency's commits, the offline verifier accepts it, and rejects it with one byte changed")
    void exportVerifiesOfflineAndCatchesOneChangedByte() throws IOException {
        long before = headPosition();
        String kentName = "Folkestone Library " + capitalized(letters(10));
        String kentOrganisation = registerOrganisation("kent-admin", kentName);
        String darmstadtOrganisation = registerOrganisation("darmstadt-admin", "Stadtbibliothek " + capitalized(letters(10)));
        long kentPosition = eventOf(before, kentOrganisation, "OrganisationRegistered").get("position").asLong();
        // an erased person's events stay in the export, unreadable, and the export still verifies
        String erasedName = "Ludmila " + capitalized(letters(10));
        String erased = registerParticipant("kent-staff", erasedName);
        HttpResponse<String> erasure = postJson("/api/participants/" + erased + "/erasure", "kent-staff",
                "{\"reason\":\"request by the person\"}");
        assertThat(erasure.statusCode()).as(erasure.body()).isEqualTo(204);
        awaitSealedThrough(headPosition());
        HttpResponse<String> digestResponse = postDigest("kent-auditor");
        assertThat(digestResponse.statusCode()).as(digestResponse.body()).isEqualTo(201);

        HttpResponse<byte[]> response = sendForBytes(request("/api/audit/export", "kent-auditor").GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-ndjson"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).startsWith("attachment"));
        byte[] bytes = response.body();
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = List.of(text.split("\n"));

        Document trailer = Document.parse(lines.get(lines.size() - 1)).get("trailer", Document.class);
        assertThat(trailer.getString("tenantId")).isEqualTo("kent");
        assertThat(((Number) trailer.get("commits")).longValue()).isEqualTo(lines.size() - 1);
        assertThat(((Number) trailer.get("throughPosition")).longValue()).isGreaterThanOrEqualTo(kentPosition);
        Set<String> tenants = new HashSet<>();
        List<Long> commitIds = new ArrayList<>();
        for (String line : lines.subList(0, lines.size() - 1)) {
            Document commit = Document.parse(line).get("commit", Document.class);
            commitIds.add(((Number) commit.get("_id")).longValue());
            collectTenants(commit, tenants);
        }
        assertThat(tenants).as("every tenantId in every commit, event and metadata").containsExactly("kent");
        assertThat(commitIds).isSorted().isNotEmpty();
        assertThat(text).contains(kentOrganisation, erased).doesNotContain(darmstadtOrganisation).doesNotContain(erasedName);

        Path export = files.resolve("kent.ndjson");
        Files.write(export, bytes);
        Path publicKey = files.resolve("instance.pem");
        Files.writeString(publicKey, getJson("/api/audit/digests/public-key", "kent-auditor").get("pem").asText());
        Path digest = files.resolve("digest.json");
        Files.writeString(digest, digestResponse.body());

        Cli accepted = cli("verify", "--export", export.toString(), "--public-key", publicKey.toString(),
                "--digest", digest.toString());
        assertThat(accepted.exitCode()).as(accepted.out() + accepted.err()).isZero();
        assertThat(accepted.out()).startsWith("OK: " + (lines.size() - 1) + " commits").contains("tenant kent");
        long digestPosition = json(digestResponse).get("position").asLong();
        long throughPosition = ((Number) trailer.get("throughPosition")).longValue();
        assertThat(throughPosition).isGreaterThanOrEqualTo(digestPosition);
        if (throughPosition == digestPosition) {
            // nothing was sealed between the digest and the export, so the export must end on the signed chain value
            assertThat(accepted.out()).contains("the signed digest at position " + digestPosition
                    + " matches the export's chain");
        }
        ExportReport report = new ExportVerifier().verify(export);
        assertThat(report.ok()).as(String.valueOf(report.failure())).isTrue();
        assertThat(report.tenantId()).isEqualTo("kent");
        assertThat(report.commits()).isEqualTo(lines.size() - 1);

        // change one letter of the organisation's name inside its stored payload
        int at = indexOf(bytes, kentName.getBytes(StandardCharsets.UTF_8)) + kentName.length() - 1;
        assertThat(bytes[at]).isEqualTo((byte) kentName.charAt(kentName.length() - 1));
        byte[] changed = bytes.clone();
        changed[at] = (byte) (changed[at] == 'z' ? 'y' : changed[at] + 1);
        Path tampered = files.resolve("kent-tampered.ndjson");
        Files.write(tampered, changed);

        Cli rejected = cli("verify", "--export", tampered.toString(), "--public-key", publicKey.toString());
        assertThat(rejected.exitCode()).as(rejected.out() + rejected.err()).isEqualTo(1);
        assertThat(rejected.out()).startsWith("FAILED").contains("position " + kentPosition);
        ExportReport failed = new ExportVerifier().verify(tampered);
        assertThat(failed.ok()).isFalse();
        assertThat(failed.failure().position()).isEqualTo(kentPosition);
    }

    @Test
    @DisplayName("another agency's export holds none of this agency's commits")
    void exportsAreSeparatePerAgency() {
        String kentOrganisation = registerOrganisation("kent-admin", "Dover Harbour Club " + capitalized(letters(8)));
        awaitSealedThrough(headPosition());
        String darmstadt = new String(sendForBytes(request("/api/audit/export", "darmstadt-auditor").GET().build()).body(),
                StandardCharsets.UTF_8);
        String kent = new String(sendForBytes(request("/api/audit/export", "kent-admin").GET().build()).body(),
                StandardCharsets.UTF_8);
        assertThat(kent).contains(kentOrganisation);
        assertThat(darmstadt).doesNotContain(kentOrganisation);
        List<String> lines = List.of(darmstadt.split("\n"));
        assertThat(Document.parse(lines.get(lines.size() - 1)).get("trailer", Document.class).getString("tenantId"))
                .isEqualTo("darmstadt");
    }

    private HttpResponse<String> postDigest(String client) {
        return send(request("/api/audit/digests", client).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpResponse<byte[]> sendForBytes(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where the needle's bytes first occur in the haystack (a byte offset: other lines may hold non-ASCII text). */
    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not in the export: " + new String(needle, StandardCharsets.UTF_8));
    }

    /** The bytes the server signs, as {@code SignedDigest} documents them. */
    private static byte[] digestBytes(long position, String chainHead, String signedAt) {
        return ("roundtable-digest-v1\n" + position + "\n" + chainHead + "\n" + signedAt + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static boolean verifies(PublicKey key, byte[] message, byte[] signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }

    /** Every value of a {@code tenantId} field, also inside the metadata, which is stored as a JSON string. */
    private static void collectTenants(Object value, Set<String> tenants) {
        if (value instanceof Document document) {
            for (Map.Entry<String, Object> entry : document.entrySet()) {
                if (entry.getKey().equals("tenantId")) {
                    tenants.add(String.valueOf(entry.getValue()));
                } else if (entry.getKey().equals("meta") && entry.getValue() instanceof String meta) {
                    collectTenants(Document.parse(meta), tenants);
                } else {
                    collectTenants(entry.getValue(), tenants);
                }
            }
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collectTenants(item, tenants));
        }
    }

    private record Cli(int exitCode, String out, String err) {
    }

    /** Runs the offline command-line tool in this JVM, as an auditor would run it on their own machine. */
    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new AuditCli()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}
