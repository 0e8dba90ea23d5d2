package org.roundtable.audit.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import org.roundtable.audit.digest.Signatures;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.ProblemType;
import org.roundtable.ledger.crypto.SubjectKeyStore;

/**
 * An operator's import of an uploaded export into this running instance: the upload is spooled to a temporary
 * file (bounded in size), verified in full, then handed to {@link LedgerImporter} with the transfer passphrase.
 * A refusal of any kind happens before anything is written: a forged, truncated or wrongly signed export and
 * unopenable keys are 422, an agency that already has events here or positions this ledger has reached are 409.
 * One import runs at a time on an instance.
 */
public class TransferImport {

    private final LedgerImporter importer;
    private final SubjectKeyStore keyStore;
    private final List<PublicKey> trustedKeys;
    private final long maxBytes;

    /**
     * @param keyStore    where carried per-person keys go; null refuses exports that carry them
     * @param trustedKeys the source instances' public keys an export must be signed with; empty to accept the key
     *                    in the file (which proves the file is intact, not who made it)
     */
    public TransferImport(LedgerImporter importer, SubjectKeyStore keyStore, List<PublicKey> trustedKeys, long maxBytes) {
        this.importer = Objects.requireNonNull(importer, "importer");
        this.keyStore = keyStore;
        this.trustedKeys = List.copyOf(trustedKeys);
        this.maxBytes = maxBytes;
    }

    public synchronized LedgerImporter.Result importFrom(InputStream upload, char[] passphrase) {
        Path file = null;
        try {
            file = Files.createTempFile("roundtable-import", ".ndjson");
            spool(upload, file);
            ExportReport report = verify(file);
            return importer.importExport(file, report, passphrase, keyStore, commits -> { });
        } catch (LedgerImporter.KeysUnreadable e) {
            throw DomainException.rule(e.getMessage());
        } catch (LedgerImporter.ImportRefused e) {
            throw DomainException.conflict(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be stored for the import", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind holds only what the ledger holds, encrypted as there
                }
            }
        }
    }

    private ExportReport verify(Path file) throws IOException {
        if (trustedKeys.isEmpty()) {
            return requireOk(new ExportVerifier().verify(file));
        }
        ExportReport last = null;
        for (PublicKey key : trustedKeys) {
            last = new ExportVerifier(key, null, lines -> { }).verify(file);
            if (last.ok()) {
                return last;
            }
        }
        return requireOk(last);
    }

    private static ExportReport requireOk(ExportReport report) {
        if (!report.ok()) {
            throw DomainException.rule("The export did not verify, nothing was imported: " + report.failure());
        }
        return report;
    }

    private void spool(InputStream upload, Path file) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int read;
            while ((read = upload.read(buffer)) >= 0) {
                total += read;
                if (total > maxBytes) {
                    throw new DomainException(ProblemType.PAYLOAD_TOO_LARGE, "The export is larger than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, read);
            }
        }
    }

    /** The trusted keys from configuration (base64 X.509 or PEM each). */
    public static List<PublicKey> keys(List<String> configured) {
        return configured == null ? List.of() : configured.stream().filter(k -> k != null && !k.isBlank())
                .map(Signatures::publicKey).toList();
    }
}
