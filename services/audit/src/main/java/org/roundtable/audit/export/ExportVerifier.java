package org.roundtable.audit.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.bson.Document;
import org.bson.json.JsonParseException;
import org.roundtable.audit.api.SignedDigest;
import org.roundtable.audit.digest.Signatures;
import org.roundtable.ledger.seal.ChainHashing;
import org.roundtable.ledger.store.LedgerSchema;

/**
 * Checks an export file offline, line by line, and stops at the first failure with its line and position:
 * <ol>
 *   <li>each line is JSON, numbered in order, and names the SHA-256 of the line before it (so a changed line
 *       is found by the next one, a removed one by the numbering);</li>
 *   <li>each commit's events sit at consecutive positions after the previous commit, all of one tenant;</li>
 *   <li>each event's hash, recomputed with {@code ChainHashing}, equals the one its seal record holds, the
 *       seal's hashes carry its {@code chainBefore} to its {@code chain}, and a commit right after the previous
 *       one (no other tenant's positions between) starts from that one's chain;</li>
 *   <li>the trailer is there (else the file is truncated), its counts, SHA-256 over the lines and last-line
 *       hash match, and its Ed25519 signature is valid: under the trusted key when one is given, else under
 *       the key in the file, which proves integrity but not who signed;</li>
 *   <li>a keys line ({@link TransferKeys}), when there is one, stands right before the trailer, which must then
 *       have the with-keys format and name the line's SHA-256 under its signature;</li>
 *   <li>a signed digest, when given, is valid under the trusted key; when its position ends an exported
 *       commit (or is the export's head) its chain value must match.</li>
 * </ol>
 */
public final class ExportVerifier {

    private final PublicKey trustedKey;
    private final SignedDigest digest;
    private final LongConsumer progress;

    /**
     * @param trustedKey the key the export (and digest) must be signed with, or null to take the file's own
     * @param digest     a signed digest to check against the export, or null
     * @param progress   told the number of lines read now and then
     */
    public ExportVerifier(PublicKey trustedKey, SignedDigest digest, LongConsumer progress) {
        this.trustedKey = trustedKey;
        this.digest = digest;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    public ExportVerifier() {
        this(null, null, lines -> { });
    }

    public ExportReport verify(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return verify(reader);
        }
    }

    public ExportReport verify(BufferedReader reader) throws IOException {
        return new Run().read(reader);
    }

    private final class Run {

        private final List<String> notes = new ArrayList<>();
        private final MessageDigest all = ExportFormat.sha256();
        private final Map<Long, String> chainByLast = new HashMap<>();
        private long lines;
        private long commits;
        private long events;
        private long lastPosition;
        private String tenant;
        private String previousLineHash = ExportFormat.ZERO_HASH;
        private String previousChain = ExportFormat.ZERO_HASH;
        private Long throughPosition;
        private String chainHead;
        private String keysLineHash;

        ExportReport read(BufferedReader reader) throws IOException {
            String text;
            long number = 0;
            Document trailer = null;
            while ((text = reader.readLine()) != null) {
                number++;
                if (trailer != null) {
                    return fail(number, null, "there is content after the trailer");
                }
                Document line;
                try {
                    line = Document.parse(text);
                } catch (JsonParseException | IllegalArgumentException e) {
                    return fail(number, null, "the line is not valid JSON");
                }
                if (keysLineHash != null && !line.containsKey(ExportFormat.TRAILER)) {
                    return fail(number, null, "only the trailer may follow the keys line");
                }
                if (line.containsKey(TransferKeys.LINE)) {
                    if (!(line.get(TransferKeys.LINE) instanceof Document)) {
                        return fail(number, null, "the keys line holds no keys section");
                    }
                    keysLineHash = ChainHashing.hex(ExportFormat.sha256().digest(ExportFormat.utf8(text)));
                    continue;
                }
                if (line.containsKey(ExportFormat.TRAILER)) {
                    if (!(line.get(ExportFormat.TRAILER) instanceof Document found)) {
                        return fail(number, null, "the trailer is not an object");
                    }
                    trailer = found;
                    continue;
                }
                ExportReport.Failure failure = commitLine(number, text, line);
                if (failure != null) {
                    return fail(failure);
                }
                if (number % 10_000 == 0) {
                    progress.accept(number);
                }
            }
            progress.accept(number);
            if (trailer == null) {
                return fail(number + 1, null, "no trailer: the export is truncated after line " + number);
            }
            return trailer(number, trailer);
        }

        private ExportReport.Failure commitLine(long number, String text, Document line) {
            Object numbered = line.get(ExportFormat.LINE);
            if (!(numbered instanceof Number n) || n.longValue() != number) {
                return new ExportReport.Failure(number, null, "the line is numbered " + numbered
                        + ": lines are missing, added or out of order before it");
            }
            if (!previousLineHash.equals(line.getString(ExportFormat.PREV))) {
                return new ExportReport.Failure(number - 1, null, "line " + (number - 1)
                        + " was changed: line " + number + " records a different SHA-256 for it");
            }
            if (!(line.get(ExportFormat.COMMIT) instanceof Document commit) || !(commit.get("_id") instanceof Number id)) {
                return new ExportReport.Failure(number, null, "the line holds no commit");
            }
            long first = id.longValue();
            List<Document> stored;
            try {
                stored = commit.getList(LedgerSchema.EVENT_LIST, Document.class);
            } catch (ClassCastException e) {
                stored = null;
            }
            if (stored == null || stored.isEmpty()) {
                return new ExportReport.Failure(number, first, "the commit holds no events");
            }
            if (first <= lastPosition) {
                return new ExportReport.Failure(number, first, "the commit does not follow position " + lastPosition);
            }
            String commitTenant = commit.getString(LedgerSchema.TENANT);
            if (tenant == null) {
                tenant = commitTenant;
            }
            if (commitTenant == null || !commitTenant.equals(tenant)) {
                return new ExportReport.Failure(number, first, "the commit belongs to another tenant than the lines before it");
            }
            for (int i = 0; i < stored.size(); i++) {
                Document event = stored.get(i);
                if (!(event.get(LedgerSchema.POSITION) instanceof Number p) || p.longValue() != first + i) {
                    return new ExportReport.Failure(number, first + i, "the commit's events are not at consecutive positions");
                }
                if (!tenant.equals(event.getString(LedgerSchema.TENANT))) {
                    return new ExportReport.Failure(number, first + i, "the event belongs to another tenant");
                }
            }
            long last = first + stored.size() - 1;
            if (!(commit.get(LedgerSchema.LAST) instanceof Number storedLast) || storedLast.longValue() != last) {
                return new ExportReport.Failure(number, first, "the commit's last position does not match its events");
            }
            if (!(line.get(ExportFormat.SEAL) instanceof Document seal)) {
                return new ExportReport.Failure(number, first, "the commit has no seal record");
            }
            List<String> hashes;
            try {
                hashes = seal.getList(ExportFormat.EVENT_HASHES, String.class);
            } catch (ClassCastException e) {
                hashes = null;
            }
            if (hashes == null || hashes.size() != stored.size()) {
                return new ExportReport.Failure(number, first, "the seal record does not hold one hash per event");
            }
            String chainBefore = seal.getString(ExportFormat.CHAIN_BEFORE);
            if (first == lastPosition + 1 && previousChain != null && !previousChain.equals(chainBefore)) {
                return new ExportReport.Failure(number, first,
                        "the seal record's chainBefore is not the chain of the commit right before it (line " + (number - 1) + ")");
            }
            byte[] chain;
            try {
                chain = ChainHashing.unhex(Objects.requireNonNull(chainBefore));
                for (int i = 0; i < stored.size(); i++) {
                    String recomputed = ChainHashing.hex(ChainHashing.eventHash(stored.get(i)));
                    if (!recomputed.equals(hashes.get(i))) {
                        return new ExportReport.Failure(number, first + i, "the event differs from its seal record");
                    }
                    chain = ChainHashing.chain(chain, ChainHashing.unhex(hashes.get(i)));
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                return new ExportReport.Failure(number, first, "the seal record's hashes are not hex");
            }
            String sealedChain = seal.getString(ExportFormat.CHAIN);
            if (!ChainHashing.hex(chain).equals(sealedChain)) {
                return new ExportReport.Failure(number, first, "the seal record's hashes do not lead from its chainBefore to its chain");
            }
            chainByLast.put(last, sealedChain);
            previousChain = sealedChain;
            byte[] bytes = ExportFormat.utf8(text);
            all.update(bytes);
            all.update((byte) '\n');
            previousLineHash = ChainHashing.hex(ExportFormat.sha256().digest(bytes));
            lastPosition = last;
            lines = number;
            commits++;
            events += stored.size();
            return null;
        }

        private ExportReport trailer(long trailerLine, Document trailer) {
            boolean withKeys = Signatures.EXPORT_WITH_KEYS_FORMAT.equals(trailer.get("format"));
            if (!withKeys && !Signatures.EXPORT_FORMAT.equals(trailer.get("format"))) {
                return fail(trailerLine, null, "the trailer names an unknown format");
            }
            if (withKeys != (keysLineHash != null)) {
                return fail(trailerLine, null, withKeys ? "the trailer announces a keys line the file does not hold"
                        : "the file holds a keys line its trailer does not cover");
            }
            if (withKeys && !keysLineHash.equals(trailer.get("keysSha256"))) {
                return fail(trailerLine - 1, null, "the keys line was changed: the trailer records a different SHA-256 for it");
            }
            String trailerTenant = trailer.getString("tenantId");
            if (tenant != null && !tenant.equals(trailerTenant)) {
                return fail(trailerLine, null, "the trailer names another tenant than the lines");
            }
            tenant = trailerTenant;
            if (!(trailer.get("commits") instanceof Number c) || c.longValue() != commits) {
                return fail(trailerLine, null, "the trailer counts " + trailer.get("commits") + " commits, the file holds "
                        + commits + ": lines were removed or added");
            }
            if (!(trailer.get("events") instanceof Number e) || e.longValue() != events) {
                return fail(trailerLine, null, "the trailer counts " + trailer.get("events") + " events, the file holds " + events);
            }
            String sha256 = ChainHashing.hex(all.digest());
            if (!sha256.equals(trailer.getString("sha256"))) {
                return fail(trailerLine, null, "the SHA-256 over the lines does not match the trailer's");
            }
            if (!previousLineHash.equals(trailer.getString("lastLineSha256"))) {
                return fail(commits == 0 ? trailerLine : lines, null,
                        "the last line was changed: the trailer records a different SHA-256 for it");
            }
            if (!(trailer.get("throughPosition") instanceof Number through) || through.longValue() < lastPosition) {
                return fail(trailerLine, null, "the trailer's throughPosition is not at or after the last commit");
            }
            throughPosition = through.longValue();
            chainHead = trailer.getString("chainHead");
            PublicKey inFile;
            try {
                inFile = Signatures.publicKey(String.valueOf(trailer.getString("publicKey")));
            } catch (IllegalArgumentException ex) {
                return fail(trailerLine, null, "the trailer's public key is not an Ed25519 key");
            }
            PublicKey key = trustedKey != null ? trustedKey : inFile;
            if (trustedKey != null && !Signatures.base64(trustedKey).equals(Signatures.base64(inFile))) {
                return fail(trailerLine, null, "the export was signed with another key than the trusted one");
            }
            byte[] message = withKeys
                    ? Signatures.exportWithKeysMessage(tenant, commits, events, throughPosition, chainHead,
                            trailer.getString("exportedAt"), sha256, previousLineHash, keysLineHash)
                    : Signatures.exportMessage(tenant, commits, events, throughPosition, chainHead,
                            trailer.getString("exportedAt"), sha256, previousLineHash);
            if (!Signatures.verify(key, message, trailer.getString("signature"))) {
                return fail(trailerLine, null, "the trailer's signature is not valid");
            }
            notes.add(trustedKey != null
                    ? "the export's signature is valid under the trusted public key"
                    : "the export's signature is valid under the key in the file; pass the instance's public key to check who signed it");
            if (digest != null) {
                ExportReport.Failure failure = checkDigest();
                if (failure != null) {
                    return fail(failure);
                }
            }
            if (withKeys) {
                notes.add("the export carries the agency's per-person keys, wrapped under a transfer passphrase");
            }
            return new ExportReport(true, lines, commits, events, tenant, throughPosition, chainHead, notes, null);
        }

        private ExportReport.Failure checkDigest() {
            PublicKey key;
            try {
                key = trustedKey != null ? trustedKey : Signatures.publicKey(digest.publicKey());
            } catch (IllegalArgumentException e) {
                return new ExportReport.Failure(null, digest.position(), "the digest's public key is not an Ed25519 key");
            }
            if (!Signatures.verifyDigest(digest, key)) {
                return new ExportReport.Failure(null, digest.position(), "the digest's signature is not valid"
                        + (trustedKey != null ? " under the trusted public key" : ""));
            }
            String expected = digest.position() == throughPosition ? chainHead : chainByLast.get(digest.position());
            if (expected == null) {
                notes.add("the digest's signature is valid, but its position " + digest.position()
                        + " ends no commit of this export, so it cannot be tied to these lines offline");
                return null;
            }
            if (!expected.equals(digest.chainHead())) {
                return new ExportReport.Failure(null, digest.position(),
                        "the export's chain value at the digest's position differs from the signed one");
            }
            notes.add("the signed digest at position " + digest.position() + " matches the export's chain");
            return null;
        }

        private ExportReport fail(long line, Long position, String detail) {
            return fail(new ExportReport.Failure(line, position, detail));
        }

        private ExportReport fail(ExportReport.Failure failure) {
            return new ExportReport(false, lines, commits, events, tenant, throughPosition, chainHead, notes, failure);
        }
    }
}
