package org.roundtable.audit.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.SecretKey;
import org.bson.Document;
import org.roundtable.audit.digest.Signatures;
import org.roundtable.audit.digest.SigningKey;
import org.roundtable.audit.query.LedgerScan;
import org.roundtable.kernel.TenantId;
import org.roundtable.ledger.crypto.PersonalDataSerializer;
import org.roundtable.ledger.crypto.SubjectKeyStore;
import org.roundtable.ledger.seal.ChainHashing;
import org.roundtable.ledger.seal.ChainHead;
import org.roundtable.ledger.seal.SealSchema;
import org.roundtable.ledger.seal.Sealer;
import org.roundtable.ledger.seal.Verifier;
import org.roundtable.ledger.store.LedgerSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a tenant's sealed history in the {@link ExportFormat}: every commit of the tenant up to the sealed
 * head, exactly as stored, with its seal record, then a signed trailer. Reads by {@code _id $in} windows
 * (see {@link LedgerScan}), so an export costs every position of the shared ledger, not only the tenant's.
 * Commits not sealed yet (younger than the sealer's gap timeout) are left for the next export; the trailer's
 * {@code throughPosition} says where this one stops.
 */
public class LedgerExporter {

    private static final Logger log = LoggerFactory.getLogger(LedgerExporter.class);

    private final LedgerScan scan;
    private final Verifier verifier;
    private final Sealer sealer;
    private final SigningKey key;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    private final SubjectKeyStore subjectKeys;

    public LedgerExporter(MongoDatabase database, int window, Verifier verifier, Sealer sealer, SigningKey key, Clock clock) {
        this(database, window, verifier, sealer, key, clock, null);
    }

    /** @param subjectKeys the per-person keys, for exports that carry them; null when none may */
    public LedgerExporter(MongoDatabase database, int window, Verifier verifier, Sealer sealer, SigningKey key, Clock clock,
                          SubjectKeyStore subjectKeys) {
        this.scan = new LedgerScan(database, window);
        this.verifier = verifier;
        this.sealer = sealer;
        this.key = key;
        this.clock = clock;
        this.subjectKeys = subjectKeys;
    }

    /** What an export wrote. */
    public record Summary(long commits, long events, long throughPosition, String sha256) {
    }

    public Summary export(TenantId tenant, OutputStream out) {
        return export(tenant, out, null);
    }

    /**
     * @param transferPassphrase when given, the tenant's per-person keys follow the commits in a keys line wrapped
     *                           under it (see {@link TransferKeys}), and the trailer's signature covers that line
     */
    public Summary export(TenantId tenant, OutputStream out, char[] transferPassphrase) {
        if (transferPassphrase != null) {
            TransferKeys.requireStrong(transferPassphrase);
            if (subjectKeys == null) {
                throw new IllegalStateException("This exporter has no access to the per-person keys");
            }
        }
        Set<String> subjects = new TreeSet<>();
        sealer.sealAvailable();
        ChainHead head = verifier.head();
        MessageDigest all = ExportFormat.sha256();
        long[] counts = new long[2];
        String[] previous = {ExportFormat.ZERO_HASH};
        scan.walk(LedgerScan.FIRST_POSITION, head.position(), Long.MAX_VALUE, true, (commit, walk) -> {
            if (!belongsTo(commit, tenant)) {
                return LedgerScan.Next.CONTINUE;
            }
            long first = LedgerScan.idOf(commit);
            String line = line(counts[0] + 1, previous[0], commit, walk.sealOf(first), walk.chainBefore(first));
            byte[] bytes = ExportFormat.utf8(line + "\n");
            write(out, bytes);
            all.update(bytes);
            previous[0] = ChainHashing.hex(ExportFormat.sha256().digest(ExportFormat.utf8(line)));
            counts[0]++;
            counts[1] += LedgerScan.eventsOf(commit).size();
            if (transferPassphrase != null) {
                collectSubjects(commit, subjects);
            }
            return LedgerScan.Next.CONTINUE;
        });
        String sha256 = ChainHashing.hex(all.digest());
        String exportedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        String keysSha256 = null;
        if (transferPassphrase != null) {
            String keysLine = new Document(TransferKeys.LINE, keysSection(tenant, subjects, transferPassphrase))
                    .toJson(ExportFormat.EXACT);
            write(out, ExportFormat.utf8(keysLine + "\n"));
            keysSha256 = ChainHashing.hex(ExportFormat.sha256().digest(ExportFormat.utf8(keysLine)));
        }
        byte[] message = keysSha256 == null
                ? Signatures.exportMessage(tenant.value(), counts[0], counts[1], head.position(), head.chain(),
                        exportedAt, sha256, previous[0])
                : Signatures.exportWithKeysMessage(tenant.value(), counts[0], counts[1], head.position(), head.chain(),
                        exportedAt, sha256, previous[0], keysSha256);
        ObjectNode trailer = json.createObjectNode();
        ObjectNode fields = trailer.putObject(ExportFormat.TRAILER);
        fields.put("format", keysSha256 == null ? Signatures.EXPORT_FORMAT : Signatures.EXPORT_WITH_KEYS_FORMAT)
                .put("tenantId", tenant.value())
                .put("commits", counts[0])
                .put("events", counts[1])
                .put("throughPosition", head.position())
                .put("chainHead", head.chain())
                .put("exportedAt", exportedAt)
                .put("sha256", sha256)
                .put("lastLineSha256", previous[0])
                .put("algorithm", SigningKey.ALGORITHM)
                .put("publicKey", key.publicKeyBase64())
                .put("signature", Base64.getEncoder().encodeToString(key.sign(message)));
        if (keysSha256 != null) {
            fields.put("keysSha256", keysSha256);
        }
        write(out, ExportFormat.utf8(trailer + "\n"));
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Summary(counts[0], counts[1], head.position(), sha256);
    }

    /** Every data subject whose personal data the commit's payloads (or metadata) hold, encrypted. */
    private void collectSubjects(Document commit, Set<String> subjects) {
        for (Document event : LedgerScan.eventsOf(commit)) {
            for (String field : List.of(LedgerSchema.PAYLOAD, LedgerSchema.METADATA)) {
                if (event.get(field) instanceof String serialized && serialized.contains("$pii")) {
                    try {
                        subjects.addAll(PersonalDataSerializer.subjectsIn(json.readTree(serialized)));
                    } catch (IOException e) {
                        throw new UncheckedIOException("The stored event at position " + event.get(LedgerSchema.POSITION)
                                + " is not JSON", e);
                    }
                }
            }
        }
    }

    /** Live keys wrapped for the transfer; erased subjects by id only (their keys are gone). */
    private Document keysSection(TenantId tenant, Set<String> subjects, char[] passphrase) {
        Map<String, SecretKey> keys = new TreeMap<>();
        List<String> erased = new ArrayList<>();
        for (String subject : subjects) {
            if (subjectKeys.isErased(subject)) {
                erased.add(subject);
            } else {
                subjectKeys.readableKey(subject).ifPresent(found -> keys.put(subject, found));
            }
        }
        return TransferKeys.seal(passphrase, tenant.value(), keys, erased);
    }

    /** The commit is the tenant's and so is every event in it; a mixed commit is never exported. */
    private static boolean belongsTo(Document commit, TenantId tenant) {
        if (!tenant.value().equals(commit.getString(LedgerSchema.TENANT))) {
            return false;
        }
        for (Document event : LedgerScan.eventsOf(commit)) {
            if (!tenant.value().equals(event.getString(LedgerSchema.TENANT))) {
                log.warn("The commit at position {} mixes tenants; it is left out of the export of {}",
                        LedgerScan.idOf(commit), tenant.value());
                return false;
            }
        }
        return true;
    }

    private static String line(long number, String previous, Document commit, Document seal, String chainBefore) {
        StringBuilder line = new StringBuilder(1024)
                .append("{\"").append(ExportFormat.LINE).append("\":").append(number)
                .append(",\"").append(ExportFormat.PREV).append("\":\"").append(previous).append('"')
                .append(",\"").append(ExportFormat.COMMIT).append("\":").append(commit.toJson(ExportFormat.EXACT))
                .append(",\"").append(ExportFormat.SEAL).append("\":");
        if (seal == null || Boolean.TRUE.equals(seal.getBoolean(SealSchema.GAP))) {
            line.append("null");
        } else {
            List<String> hashes = seal.getList(SealSchema.EVENT_HASHES, String.class);
            line.append(new Document(ExportFormat.EVENT_HASHES, hashes)
                    .append(ExportFormat.CHAIN_BEFORE, chainBefore)
                    .append(ExportFormat.CHAIN, seal.getString(SealSchema.CHAIN))
                    .toJson(ExportFormat.EXACT));
        }
        return line.append('}').toString();
    }

    private static void write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("The export could not be written (the client went away?)", e);
        }
    }
}
