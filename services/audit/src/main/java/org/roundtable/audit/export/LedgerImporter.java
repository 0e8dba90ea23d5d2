package org.roundtable.audit.export;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import java.util.function.LongConsumer;
import org.bson.Document;
import org.roundtable.audit.query.LedgerScan;
import org.roundtable.ledger.crypto.SubjectKeyStore;
import org.roundtable.ledger.store.LedgerSchema;

/**
 * Writes a verified export back into a ledger, at the same positions, so read models can be rebuilt by
 * replaying it. Refuses, before writing anything, when the tenant already has events there, or when any
 * exported position is taken or already sealed in the target (the sealer there would have sealed it as a
 * gap). Positions of other tenants' commits that the export leaves out become gaps in the target.
 *
 * <p>The positions must lie after everything the target has reserved: the import then moves the target's
 * position counter past them with a compare-and-set (so a running instance's writers go on after the imported
 * history, and one that wrote meanwhile makes the import refuse before writing), and fills the positions the
 * export leaves out with the ledger's empty markers. It reads the target by {@code _id $in} windows only (see
 * {@link LedgerScan}). Personal data in the commits is encrypted with the source's per-person keys: an export
 * made with a transfer passphrase carries them ({@link TransferKeys}) and they are adopted here; without them the
 * target shows that data as erased.
 */
public class LedgerImporter {

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> counters;
    private final LedgerScan scan;
    private final int window;

    public LedgerImporter(MongoDatabase target, int window) {
        this.events = target.getCollection(LedgerSchema.EVENTS);
        this.counters = target.getCollection(LedgerSchema.COUNTERS);
        this.scan = new LedgerScan(target, window);
        this.window = window;
    }

    /** What an import wrote. */
    public record Result(String tenantId, long commits, long events, long firstPosition, long lastPosition,
                         long subjectKeys, long erasedSubjects) {
    }

    /** Refused before anything was written, or interrupted by a writer that took a position meanwhile. */
    public static final class ImportRefused extends RuntimeException {
        public ImportRefused(String message) {
            super(message);
        }
    }

    /** The export's keys could not be opened (wrong passphrase, altered or malformed section): nothing was written. */
    public static final class KeysUnreadable extends RuntimeException {
        public KeysUnreadable(String message) {
            super(message);
        }
    }

    /** Imports {@code file}, which {@code verified} must be the passing report of; an export with keys is refused. */
    public Result importExport(Path file, ExportReport verified, LongConsumer progress) throws IOException {
        return importExport(file, verified, null, null, progress);
    }

    /**
     * Imports {@code file}, which {@code verified} must be the passing report of, with the per-person keys it
     * carries: unwrapped with {@code passphrase} and wrapped again by {@code keyStore}'s master key. Every check
     * (keys open, none conflicts with a key or erasure here, the tenant has no events, the positions are free)
     * runs before anything is written; the keys are written before the commits, so no projection ever reads an
     * imported event without its person's key.
     */
    public Result importExport(Path file, ExportReport verified, char[] passphrase, SubjectKeyStore keyStore,
                               LongConsumer progress) throws IOException {
        if (verified == null || !verified.ok()) {
            throw new ImportRefused("Only an export that verified can be imported");
        }
        Contents contents = read(file);
        TreeMap<Long, Long> ranges = contents.ranges();
        TransferKeys.Opened keys = openKeys(contents.keys(), verified.tenantId(), passphrase, keyStore);
        if (ranges.isEmpty() && keys.keys().isEmpty() && keys.erased().isEmpty()) {
            return new Result(verified.tenantId(), 0, 0, 0, 0, 0, 0);
        }
        long sealed = scan.sealedThrough();
        if (!ranges.isEmpty() && ranges.firstKey() <= sealed) {
            throw new ImportRefused("Position " + ranges.firstKey() + " is already sealed in the target (sealed through "
                    + sealed + "); an import needs positions after the target's sealed head");
        }
        requireNoEventsOf(verified.tenantId());
        if (!ranges.isEmpty()) {
            requireFree(ranges);
        }
        if (keyStore != null) {
            requireNoConflict(keys, keyStore);
        }
        long reserved = scan.reservedThrough();
        long lastPosition = ranges.isEmpty() ? reserved : ranges.lastEntry().getValue();
        if (!ranges.isEmpty()) {
            reserveThrough(reserved, ranges.firstKey(), lastPosition);
        }
        // keys first: a projection that reads an imported event finds its person's key already here
        if (keyStore != null) {
            keys.keys().forEach(keyStore::adopt);
            keys.erased().forEach(keyStore::erase);
        }
        long commits = 0;
        long written = 0;
        long next = reserved + 1;
        for (Map.Entry<Long, Long> range : ranges.entrySet()) {
            if (range.getKey() > next) {
                writeEmpty(next, range.getKey() - 1);
            }
            next = range.getValue() + 1;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            while ((text = reader.readLine()) != null) {
                Document line = Document.parse(text);
                if (!(line.get(ExportFormat.COMMIT) instanceof Document commit)) {
                    continue;
                }
                try {
                    events.insertOne(commit);
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                        throw new ImportRefused("Position " + LedgerScan.idOf(commit) + " was taken in the target while "
                                + "importing; " + commits + " commits were written before it");
                    }
                    throw e;
                }
                commits++;
                written += LedgerScan.eventsOf(commit).size();
                if (commits % 1_000 == 0) {
                    progress.accept(commits);
                }
            }
        }
        progress.accept(commits);
        return new Result(verified.tenantId(), commits, written, ranges.isEmpty() ? 0 : ranges.firstKey(), lastPosition,
                keys.keys().size(), keys.erased().size());
    }

    private static TransferKeys.Opened openKeys(Document section, String tenant, char[] passphrase, SubjectKeyStore keyStore) {
        if (section == null) {
            return new TransferKeys.Opened(Map.of(), Set.of());
        }
        if (keyStore == null) {
            throw new ImportRefused("The export carries personal data keys, and this import has no key store to put them in");
        }
        try {
            return TransferKeys.open(section, passphrase, tenant);
        } catch (TransferKeys.Unreadable e) {
            throw new KeysUnreadable(e.getMessage());
        }
    }

    private static void requireNoConflict(TransferKeys.Opened keys, SubjectKeyStore keyStore) {
        for (Map.Entry<String, SecretKey> key : keys.keys().entrySet()) {
            SubjectKeyStore.Holding holding = keyStore.holding(key.getKey(), key.getValue());
            if (holding == SubjectKeyStore.Holding.OTHER_KEY || holding == SubjectKeyStore.Holding.ERASED) {
                throw new ImportRefused("Data subject " + key.getKey() + " already has "
                        + (holding == SubjectKeyStore.Holding.ERASED ? "an erasure" : "another key") + " in the target");
            }
        }
        for (String erased : keys.erased()) {
            if (keyStore.readableKey(erased).isPresent()) {
                throw new ImportRefused("Data subject " + erased + " is erased in the export but has a key in the target");
            }
        }
    }

    /**
     * Moves the position counter from {@code reserved} to {@code last} only if no writer moved it meanwhile, so every
     * exported position is the import's alone and the target's writers go on after it.
     */
    private void reserveThrough(long reserved, long first, long last) {
        if (first <= reserved) {
            throw new ImportRefused("Position " + first + " is reserved in the target (its ledger reaches position "
                    + reserved + "); an import keeps the exported positions, so it needs a target that has not reached them");
        }
        boolean moved;
        if (reserved == 0 && counters.find(Filters.eq("_id", LedgerSchema.POSITION_COUNTER)).first() == null) {
            try {
                counters.insertOne(new Document("_id", LedgerSchema.POSITION_COUNTER).append(LedgerSchema.COUNTER_VALUE, last));
                moved = true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                moved = false;
            }
        } else {
            moved = counters.updateOne(Filters.and(Filters.eq("_id", LedgerSchema.POSITION_COUNTER),
                    Filters.eq(LedgerSchema.COUNTER_VALUE, reserved)),
                    Updates.set(LedgerSchema.COUNTER_VALUE, last)).getModifiedCount() == 1;
        }
        if (!moved) {
            throw new ImportRefused("A writer in the target reserved positions while the import was checked; nothing was "
                    + "written, try again on a quiet instance");
        }
    }

    /**
     * Marks positions the export leaves out (other tenants' in the source, and the target's unused ones before it) as
     * empty, the ledger's own marker for a refused commit, so readers and the sealer pass them at once instead of
     * waiting out the gap timeout for each.
     */
    private void writeEmpty(long first, long last) {
        events.insertOne(new Document(LedgerSchema.ID, first)
                .append(LedgerSchema.LAST, last)
                .append(LedgerSchema.STORED_AT, new Date())
                .append(LedgerSchema.STREAM_KEYS, List.of("~void-" + first))
                .append(LedgerSchema.EVENT_LIST, List.of()));
    }

    private record Contents(TreeMap<Long, Long> ranges, Document keys) {
    }

    private static Contents read(Path file) throws IOException {
        TreeMap<Long, Long> ranges = new TreeMap<>();
        Document keys = null;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            while ((text = reader.readLine()) != null) {
                Document line = Document.parse(text);
                if (line.get(ExportFormat.COMMIT) instanceof Document commit) {
                    ranges.put(LedgerScan.idOf(commit), LedgerScan.lastOf(commit));
                } else if (line.get(TransferKeys.LINE) instanceof Document section) {
                    keys = section;
                }
            }
        }
        return new Contents(ranges, keys);
    }

    private void requireNoEventsOf(String tenant) {
        long reserved = scan.reservedThrough();
        for (long lower = LedgerScan.FIRST_POSITION; lower <= reserved; lower += window) {
            for (Document commit : events.find(Filters.in("_id", ids(lower, Math.min(reserved, lower + window - 1))))) {
                if (tenant.equals(commit.getString(LedgerSchema.TENANT))) {
                    throw new ImportRefused("Tenant " + tenant + " already has events in the target (at position "
                            + LedgerScan.idOf(commit) + "); an import only goes into a ledger without them");
                }
            }
        }
    }

    /** No stored commit holds any exported position (a commit starting before the export's first is looked at too). */
    private void requireFree(TreeMap<Long, Long> ranges) {
        long from = Math.max(LedgerScan.FIRST_POSITION, ranges.firstKey() - window);
        long to = ranges.lastEntry().getValue();
        for (long lower = from; lower <= to; lower += window) {
            List<Long> ids = ids(lower, Math.min(to, lower + window - 1));
            for (Document commit : events.find(Filters.in("_id", ids))) {
                long first = LedgerScan.idOf(commit);
                long last = LedgerScan.lastOf(commit);
                Map.Entry<Long, Long> before = ranges.floorEntry(last);
                if (before != null && before.getValue() >= first) {
                    throw new ImportRefused("Position " + Math.max(first, before.getKey())
                            + " is taken in the target; the import keeps the exported positions and cannot go there");
                }
            }
        }
    }

    private static List<Long> ids(long lower, long upper) {
        List<Long> ids = new ArrayList<>();
        for (long p = lower; p <= upper; p++) {
            ids.add(p);
        }
        return ids;
    }
}
