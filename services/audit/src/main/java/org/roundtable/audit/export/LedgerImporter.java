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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.bson.Document;
import org.roundtable.audit.query.LedgerScan;
import org.roundtable.ledger.store.LedgerSchema;

/**
 * Writes a verified export back into a ledger, at the same positions, so read models can be rebuilt by
 * replaying it. Refuses, before writing anything, when the tenant already has events there, or when any
 * exported position is taken or already sealed in the target (the sealer there would have sealed it as a
 * gap). Positions of other tenants' commits that the export leaves out become gaps in the target.
 *
 * <p>Run it against a stopped instance: a running one may reserve the same positions or time them out as
 * gaps while the import writes. It reads the target by {@code _id $in} windows only (see {@link LedgerScan}).
 * Personal data in the commits stays encrypted with the source's per-person keys; the target shows it as
 * erased unless it has those keys ({@code ledger_subject_keys}) and the same master key.
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
    public record Result(String tenantId, long commits, long events, long firstPosition, long lastPosition) {
    }

    /** Refused before anything was written, or interrupted by a writer that took a position meanwhile. */
    public static final class ImportRefused extends RuntimeException {
        public ImportRefused(String message) {
            super(message);
        }
    }

    /** Imports {@code file}, which {@code verified} must be the passing report of. */
    public Result importExport(Path file, ExportReport verified, LongConsumer progress) throws IOException {
        if (verified == null || !verified.ok()) {
            throw new ImportRefused("Only an export that verified can be imported");
        }
        TreeMap<Long, Long> ranges = ranges(file);
        if (ranges.isEmpty()) {
            return new Result(verified.tenantId(), 0, 0, 0, 0);
        }
        long sealed = scan.sealedThrough();
        if (ranges.firstKey() <= sealed) {
            throw new ImportRefused("Position " + ranges.firstKey() + " is already sealed in the target (sealed through "
                    + sealed + "); an import needs positions after the target's sealed head");
        }
        requireNoEventsOf(verified.tenantId());
        requireFree(ranges);
        long lastPosition = ranges.lastEntry().getValue();
        // reserve first, so a writer that starts meanwhile takes positions after the imported ones
        counters.updateOne(Filters.eq("_id", LedgerSchema.POSITION_COUNTER),
                Updates.max(LedgerSchema.COUNTER_VALUE, lastPosition), new UpdateOptions().upsert(true));
        long commits = 0;
        long written = 0;
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
        return new Result(verified.tenantId(), commits, written, ranges.firstKey(), lastPosition);
    }

    private static TreeMap<Long, Long> ranges(Path file) throws IOException {
        TreeMap<Long, Long> ranges = new TreeMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            while ((text = reader.readLine()) != null) {
                if (Document.parse(text).get(ExportFormat.COMMIT) instanceof Document commit) {
                    ranges.put(LedgerScan.idOf(commit), LedgerScan.lastOf(commit));
                }
            }
        }
        return ranges;
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
