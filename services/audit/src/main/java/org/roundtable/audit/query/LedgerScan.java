package org.roundtable.audit.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.roundtable.ledger.seal.ChainHashing;
import org.roundtable.ledger.seal.SealSchema;
import org.roundtable.ledger.store.LedgerSchema;

/**
 * Walks the ledger's commits in position order, reading only by {@code _id $in} windows of positions.
 *
 * <p>Why windows: the embedded MongoDB (mongo-java-server) serves only equality and {@code $in} on unique
 * single-field indexes from an index; a range, a sort or a filter on {@code tenantId} scans the whole
 * collection under a lock. So every read here asks for a window of consecutive {@code _id}s and filters by
 * tenant in this process. The cost of a walk is therefore proportional to the positions passed, whichever
 * tenant they belong to: a tenant with few events in a large shared ledger pays for the others' positions.
 *
 * <p>Where a walk stops: positions up to the sealed head are final (a missing one was sealed as a gap).
 * Beyond it a missing position may still be written by a slow writer, so a walk stops before the first one;
 * it never passes a position whose commit could land later, and a reader that continues from where it
 * stopped misses nothing.
 */
public final class LedgerScan {

    /** What a visitor wants after one commit. */
    public enum Next {
        CONTINUE,
        /** Stop here; more may follow. */
        STOP,
        /** Stop here; nothing further is wanted. */
        DONE
    }

    /** How a walk ended. */
    public enum End {
        /** The visitor asked to stop; more may follow. */
        STOPPED,
        /** The position budget ran out; more may follow. */
        BUDGET,
        /** The end of the range, or of what is readable now, was reached. */
        END
    }

    @FunctionalInterface
    public interface Visitor {
        Next visit(Document commit, Walk walk);
    }

    /**
     * @param through the last position completely passed (every position up to it was looked at)
     * @param end     why the walk ended
     */
    public record Result(long through, End end) {
    }

    public static final long FIRST_POSITION = 1;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> seals;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> sealState;
    private final int window;

    public LedgerScan(MongoDatabase database, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.events = database.getCollection(LedgerSchema.EVENTS);
        this.seals = database.getCollection(SealSchema.SEALS);
        this.counters = database.getCollection(LedgerSchema.COUNTERS);
        this.sealState = database.getCollection(SealSchema.STATE);
        this.window = window;
    }

    /** The last reserved position (0 on an empty ledger). */
    public long reservedThrough() {
        Document counter = counters.find(Filters.eq("_id", LedgerSchema.POSITION_COUNTER)).first();
        return counter == null ? 0 : ((Number) counter.get(LedgerSchema.COUNTER_VALUE)).longValue();
    }

    /** The sealed head's position (0 before anything was sealed). */
    public long sealedThrough() {
        Document head = sealState.find(Filters.eq("_id", SealSchema.HEAD_ID)).first();
        return head == null ? 0 : ((Number) head.get(SealSchema.HEAD_POSITION)).longValue();
    }

    /**
     * Visits, in order, every commit holding a position in {@code [start, end]}: the commit that holds
     * {@code start} first (it may begin before), then each following one, until the visitor stops, the
     * range or the readable end is reached, or {@code budget} positions have been passed.
     */
    public Result walk(long start, long end, long budget, boolean withSeals, Visitor visitor) {
        long from = Math.max(start, FIRST_POSITION);
        long last = Math.min(end, reservedThrough());
        long sealed = sealedThrough();
        Walk walk = new Walk(withSeals);
        long through = from - 1;
        if (from > last) {
            return new Result(through, End.END);
        }
        long position = from;
        walk.fetch(position);
        if (walk.commits.get(position) == null && position > FIRST_POSITION) {
            Document covering = covering(position);
            if (covering != null) {
                long coveringLast = lastOf(covering);
                Next next = visitor.visit(covering, walk);
                through = Math.max(through, Math.min(coveringLast, last));
                position = coveringLast + 1;
                if (next != Next.CONTINUE) {
                    return new Result(through, next == Next.DONE ? End.END : End.STOPPED);
                }
            }
        }
        while (position <= last) {
            if (position - from >= budget) {
                return new Result(through, End.BUDGET);
            }
            if (position < walk.from || position >= walk.from + window) {
                walk.fetch(position);
            }
            Document commit = walk.commits.get(position);
            if (commit == null) {
                if (position > sealed) {
                    // a writer may still be on its way to this position: keep the order
                    return new Result(through, End.END);
                }
                through = position;
                position++;
                continue;
            }
            long commitLast = lastOf(commit);
            Next next = visitor.visit(commit, walk);
            through = Math.min(commitLast, last);
            position = commitLast + 1;
            if (next != Next.CONTINUE) {
                return new Result(through, next == Next.DONE ? End.END : End.STOPPED);
            }
        }
        return new Result(through, End.END);
    }

    /** The stored commit whose positions hold {@code position}, found by looking back in windows; null if none. */
    Document covering(long position) {
        for (long upper = position; upper >= FIRST_POSITION; upper -= window) {
            long lower = Math.max(FIRST_POSITION, upper - window + 1);
            Document best = null;
            for (Document commit : events.find(Filters.in("_id", ids(lower, upper)))) {
                if (best == null || idOf(commit) > idOf(best)) {
                    best = commit;
                }
            }
            if (best != null) {
                return lastOf(best) >= position ? best : null;
            }
        }
        return null;
    }

    public static long idOf(Document doc) {
        return ((Number) doc.get("_id")).longValue();
    }

    public static long lastOf(Document commit) {
        Object last = commit.get(LedgerSchema.LAST);
        if (last instanceof Number number) {
            return Math.max(idOf(commit), number.longValue());
        }
        return idOf(commit) + Math.max(0, eventsOf(commit).size() - 1);
    }

    public static List<Document> eventsOf(Document commit) {
        List<Document> list = commit.getList(LedgerSchema.EVENT_LIST, Document.class);
        return list == null ? List.of() : list;
    }

    private static List<Long> ids(long lower, long upper) {
        List<Long> ids = new ArrayList<>((int) (upper - lower + 1));
        for (long p = lower; p <= upper; p++) {
            ids.add(p);
        }
        return ids;
    }

    /** The window a walk is in: its commits, and (when asked for) the seal records around them. */
    public final class Walk {

        private final boolean withSeals;
        private long from = Long.MIN_VALUE / 2;
        private Map<Long, Document> commits = Map.of();
        private Map<Long, Document> sealsById = Map.of();
        /** Seal chain values by the last position they cover, for this window and the one before. */
        private final Map<Long, String> chainByLast = new HashMap<>();

        private Walk(boolean withSeals) {
            this.withSeals = withSeals;
        }

        private void fetch(long start) {
            from = start;
            commits = byId(events, start, start + window - 1);
            if (withSeals) {
                chainByLast.clear();
                // the window before as well, so the record ending just before a commit is at hand
                for (Document seal : byId(seals, Math.max(FIRST_POSITION, start - window), start - 1).values()) {
                    rememberChain(seal);
                }
                sealsById = byId(seals, start, start + window - 1);
                sealsById.values().forEach(this::rememberChain);
            }
        }

        private void rememberChain(Document seal) {
            if (seal.get(SealSchema.LAST) instanceof Number last && seal.getString(SealSchema.CHAIN) != null) {
                chainByLast.put(last.longValue(), seal.getString(SealSchema.CHAIN));
            }
        }

        /** The seal record of the commit starting at {@code first}, or null when it is not sealed yet. */
        public Document sealOf(long first) {
            if (!withSeals) {
                throw new IllegalStateException("this walk does not read seal records");
            }
            Document seal = sealsById.get(first);
            return seal != null ? seal : seals.find(Filters.eq("_id", first)).first();
        }

        /** The chain value just before {@code position}: genesis at the start, else the record ending at position - 1. */
        public String chainBefore(long position) {
            if (position <= FIRST_POSITION) {
                return ChainHashing.genesisHex();
            }
            String known = chainByLast.get(position - 1);
            if (known != null) {
                return known;
            }
            // a long commit or gap before this window: look its record up directly
            for (long upper = position - 1; upper >= FIRST_POSITION; upper -= window) {
                long lower = Math.max(FIRST_POSITION, upper - window + 1);
                Map<Long, Document> found = byId(seals, lower, upper);
                for (Document seal : found.values()) {
                    if (seal.get(SealSchema.LAST) instanceof Number last && last.longValue() == position - 1) {
                        return seal.getString(SealSchema.CHAIN);
                    }
                }
                if (!found.isEmpty()) {
                    return null;
                }
            }
            return null;
        }
    }

    private static Map<Long, Document> byId(MongoCollection<Document> collection, long lower, long upper) {
        if (upper < lower) {
            return Map.of();
        }
        Map<Long, Document> found = new HashMap<>();
        for (Document doc : collection.find(Filters.in("_id", ids(lower, upper)))) {
            found.put(idOf(doc), doc);
        }
        return found;
    }
}
