package org.roundtable.ledger.seal;

import static org.roundtable.ledger.seal.FailureKind.ALTERED;
import static org.roundtable.ledger.seal.FailureKind.CHAIN_BROKEN;
import static org.roundtable.ledger.seal.FailureKind.INSERTED;
import static org.roundtable.ledger.seal.FailureKind.REMOVED;
import static org.roundtable.ledger.seal.SealState.longOf;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.roundtable.ledger.store.LedgerSchema;

/**
 * Checks the stored ledger against its seal records: recomputes every event's hash and the chain, and
 * reports the first position where they disagree. Reads commits and seal records in {@code _id $in}
 * windows only, so it runs alongside live traffic on the embedded server too.
 */
public class Verifier {

    private final MongoCollection<Document> events;
    private final SealState state;
    private final SealSettings settings;

    public Verifier(MongoDatabase database) {
        this(database, SealSettings.defaults());
    }

    public Verifier(MongoDatabase database, SealSettings settings) {
        this.events = database.getCollection(LedgerSchema.EVENTS);
        this.state = new SealState(database, settings);
        this.settings = settings;
    }

    /** The sealed head, the pair to sign in a digest. */
    public ChainHead head() {
        return state.read();
    }

    public VerificationResult verifyAll() {
        return verify(settings.firstPosition(), Long.MAX_VALUE, VerificationProgress.NONE);
    }

    public VerificationResult verifyAll(VerificationProgress progress) {
        return verify(settings.firstPosition(), Long.MAX_VALUE, progress);
    }

    public VerificationResult verify(long fromPosition, long toPosition) {
        return verify(fromPosition, toPosition, VerificationProgress.NONE);
    }

    /** Verifies the sealed positions in {@code [fromPosition, toPosition]}; the range is cut at the sealed head. */
    public VerificationResult verify(long fromPosition, long toPosition, VerificationProgress progress) {
        if (fromPosition > toPosition) {
            throw new IllegalArgumentException("fromPosition must not exceed toPosition");
        }
        Objects.requireNonNull(progress, "progress");
        ChainHead head = state.read();
        long from = Math.max(fromPosition, settings.firstPosition());
        long end = Math.min(toPosition, head.position());
        if (from > end) {
            return VerificationResult.passed(head.position(), head.chain());
        }

        long start = from;
        byte[] chain = ChainHashing.genesis();
        if (from > settings.firstPosition()) {
            Document covering = covering(from);
            if (covering == null) {
                return VerificationResult.failed(from - 1, null, from, CHAIN_BROKEN, "no seal record covers position " + from);
            }
            start = ((Number) covering.get("_id")).longValue();
            if (start > settings.firstPosition()) {
                Document previous = covering(start - 1);
                if (previous == null) {
                    return VerificationResult.failed(start - 1, null, start - 1, CHAIN_BROKEN,
                            "no seal record covers position " + (start - 1));
                }
                chain = ChainHashing.unhex(previous.getString(SealSchema.CHAIN));
            }
        }

        Window window = new Window(start);
        long total = end - start + 1;
        long verifiedThrough = start - 1;
        long reportedAt = start;
        long position = start;
        while (position <= end) {
            String chainHex = ChainHashing.hex(chain);
            Document seal = window.seal(position);
            Document commit = window.commit(position);
            if (seal == null) {
                if (commit != null) {
                    return VerificationResult.failed(verifiedThrough, chainHex, position, INSERTED,
                            "a commit is stored at position " + position + " inside the sealed range, without a seal record");
                }
                return VerificationResult.failed(verifiedThrough, chainHex, position, CHAIN_BROKEN,
                        "no seal record covers position " + position);
            }
            long last = longOf(seal, SealSchema.LAST);
            if (last < position) {
                return VerificationResult.failed(verifiedThrough, chainHex, position, CHAIN_BROKEN,
                        "the seal record at position " + position + " ends before it starts");
            }
            if (Boolean.TRUE.equals(seal.getBoolean(SealSchema.GAP))) {
                if (commit != null) {
                    return VerificationResult.failed(verifiedThrough, chainHex, position, INSERTED,
                            "a commit is stored at position " + position + ", which was sealed as a gap");
                }
                if (!chainHex.equals(seal.getString(SealSchema.CHAIN))) {
                    return VerificationResult.failed(verifiedThrough, chainHex, position, CHAIN_BROKEN,
                            "the gap record at position " + position + " does not carry the chain forward unchanged");
                }
            } else {
                if (commit == null) {
                    return VerificationResult.failed(verifiedThrough, chainHex, position, REMOVED,
                            "the commit sealed at position " + position + " is missing");
                }
                Failure failure = compare(commit, seal, position, last);
                if (failure != null) {
                    return VerificationResult.failed(verifiedThrough, chainHex, failure.position(), failure.kind(), failure.detail());
                }
                byte[] next = chain;
                for (String hash : seal.getList(SealSchema.EVENT_HASHES, String.class)) {
                    next = ChainHashing.chain(next, ChainHashing.unhex(hash));
                }
                if (!ChainHashing.hex(next).equals(seal.getString(SealSchema.CHAIN))) {
                    return VerificationResult.failed(verifiedThrough, chainHex, position, CHAIN_BROKEN,
                            "the seal record at position " + position + " does not follow from the chain before it");
                }
                chain = next;
            }
            for (long inside = position + 1; inside <= last; inside++) {
                if (window.commit(inside) != null) {
                    return VerificationResult.failed(verifiedThrough, chainHex, inside, INSERTED,
                            "a commit is stored at position " + inside + ", inside the commit sealed at " + position);
                }
                if (window.seal(inside) != null) {
                    return VerificationResult.failed(verifiedThrough, chainHex, inside, CHAIN_BROKEN,
                            "a seal record at position " + inside + " overlaps the one at " + position);
                }
            }
            verifiedThrough = last;
            position = last + 1;
            if (verifiedThrough - reportedAt >= settings.window() || verifiedThrough >= end) {
                progress.update(Math.min(total, verifiedThrough - start + 1), total);
                reportedAt = verifiedThrough;
            }
        }
        String chainHex = ChainHashing.hex(chain);
        if (verifiedThrough == head.position() && !chainHex.equals(head.chain())) {
            return VerificationResult.failed(verifiedThrough, chainHex, verifiedThrough, CHAIN_BROKEN,
                    "the stored head disagrees with the seal record at position " + verifiedThrough);
        }
        return VerificationResult.passed(verifiedThrough, chainHex);
    }

    /** Compares one stored commit with its seal record; null when they agree. */
    private static Failure compare(Document commit, Document seal, long first, long last) {
        List<String> sealed = seal.getList(SealSchema.EVENT_HASHES, String.class);
        boolean empty = Boolean.TRUE.equals(seal.getBoolean(SealSchema.EMPTY));
        if (empty) {
            // a refused commit's reserved positions, marked empty by the writer and sealed as such
            if (!Sealer.eventsOf(commit).isEmpty()) {
                return new Failure(first, INSERTED, "events were added to the positions sealed empty at " + first);
            }
            if (sealed == null || !sealed.isEmpty()) {
                return new Failure(first, CHAIN_BROKEN, "the empty seal record at position " + first + " holds hashes");
            }
            return Sealer.lastOf(commit, first) == last ? null
                    : new Failure(first, ALTERED, "the empty commit at position " + first + " claims a different last position");
        }
        if (sealed == null || sealed.size() != last - first + 1) {
            return new Failure(first, CHAIN_BROKEN, "the seal record at position " + first + " does not hold one hash per position");
        }
        List<Document> stored = Sealer.eventsOf(commit);
        if (stored.size() < sealed.size()) {
            Set<Long> present = new HashSet<>();
            for (Document event : stored) {
                if (event.get(LedgerSchema.POSITION) instanceof Number p) {
                    present.add(p.longValue());
                }
            }
            for (long p = first; p <= last; p++) {
                if (!present.contains(p)) {
                    return new Failure(p, REMOVED, "the event sealed at position " + p + " is missing from its commit");
                }
            }
            return new Failure(first + stored.size(), REMOVED, "the commit at position " + first + " lost events");
        }
        if (stored.size() > sealed.size()) {
            for (Document event : stored) {
                if (event.get(LedgerSchema.POSITION) instanceof Number p && (p.longValue() < first || p.longValue() > last)) {
                    return new Failure(p.longValue(), INSERTED,
                            "an event at position " + p + " was added to the commit sealed at " + first);
                }
            }
            return new Failure(last + 1, INSERTED, "the commit sealed at position " + first + " holds more events than were sealed");
        }
        for (int i = 0; i < sealed.size(); i++) {
            if (!ChainHashing.hex(ChainHashing.eventHash(stored.get(i))).equals(sealed.get(i))) {
                return new Failure(first + i, ALTERED, "the event at position " + (first + i) + " differs from its seal");
            }
        }
        if (Sealer.lastOf(commit, first) != last) {
            return new Failure(first, ALTERED, "the commit at position " + first + " claims a different last position than its seal");
        }
        if (!Objects.equals(commit.get(LedgerSchema.TENANT), seal.get(SealSchema.TENANT))) {
            return new Failure(first, ALTERED, "the commit at position " + first + " names a different tenant than its seal");
        }
        return null;
    }

    /** The seal record whose range holds {@code position}, looked up backwards in {@code $in} windows. */
    private Document covering(long position) {
        long upper = position;
        while (upper >= settings.firstPosition()) {
            long lower = Math.max(settings.firstPosition(), upper - settings.window() + 1);
            Map<Long, Document> found = state.seals(lower, (int) (upper - lower + 1));
            Document best = null;
            for (Map.Entry<Long, Document> entry : found.entrySet()) {
                if (best == null || entry.getKey() > ((Number) best.get("_id")).longValue()) {
                    best = entry.getValue();
                }
            }
            if (best != null) {
                return longOf(best, SealSchema.LAST) >= position ? best : null;
            }
            upper = lower - 1;
        }
        return null;
    }

    /** Commits and seal records of a forward-moving window of positions, fetched one {@code $in} lookup each. */
    private final class Window {

        private long from;
        private Map<Long, Document> commits;
        private Map<Long, Document> seals;

        Window(long from) {
            fetch(from);
        }

        Document commit(long position) {
            move(position);
            return commits.get(position);
        }

        Document seal(long position) {
            move(position);
            return seals.get(position);
        }

        private void move(long position) {
            if (position < from || position >= from + settings.window()) {
                fetch(position);
            }
        }

        private void fetch(long start) {
            from = start;
            commits = SealState.byId(events, start, settings.window());
            seals = state.seals(start, settings.window());
        }
    }

    private record Failure(long position, FailureKind kind, String detail) {
    }
}
