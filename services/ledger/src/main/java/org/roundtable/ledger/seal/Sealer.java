package org.roundtable.ledger.seal;

import static org.roundtable.ledger.seal.SealState.longOf;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.bson.Document;
import org.roundtable.ledger.store.LedgerSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the ledger in position order and writes one seal record per commit, chaining the SHA-256
 * of every stored event (see {@link ChainHashing}), then moves the persisted head forward.
 *
 * <p>Positions are reserved before their commit is written, so the next position may be missing for a
 * while; once it has been missing for {@link SealSettings#gapTimeout()} (a monotonic clock) while the
 * counter says it was reserved, it is sealed as a gap. Every lookup is {@code _id} equality or an
 * {@code _id $in} window, which the embedded server and MongoDB serve from the unique {@code _id} index.
 *
 * <p>Safe to run on several instances: seal records are inserted under their unique {@code _id}, and a
 * sealer that loses a race adopts the records already stored and carries on from there.
 */
public class Sealer {

    private static final Logger log = LoggerFactory.getLogger(Sealer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> seals;
    private final SealState state;
    private final SealSettings settings;
    private final LongSupplier nanoTime;
    /** When each reserved-but-missing position was first seen missing, so one gap timeout covers a whole crashed batch. */
    private final Map<Long, Long> missingSince = new HashMap<>();
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    public Sealer(MongoDatabase database) {
        this(database, SealSettings.defaults());
    }

    public Sealer(MongoDatabase database, SealSettings settings) {
        this(database, settings, System::nanoTime);
    }

    Sealer(MongoDatabase database, SealSettings settings, LongSupplier nanoTime) {
        this.events = database.getCollection(LedgerSchema.EVENTS);
        this.counters = database.getCollection(LedgerSchema.COUNTERS);
        this.seals = database.getCollection(SealSchema.SEALS);
        this.state = new SealState(database, settings);
        this.settings = settings;
        this.nanoTime = nanoTime;
    }

    /** The persisted head: everything up to its position is sealed. */
    public ChainHead head() {
        return state.read();
    }

    /** Seals every commit (and timed-out gap) that can be sealed now, and returns the new head. */
    public synchronized ChainHead sealAvailable() {
        ChainHead head = adoptStored(state.read());
        while (true) {
            Step step = sealWindow(head);
            head = step.head();
            if (!step.more()) {
                missingSince.keySet().removeIf(position -> position <= step.head().position());
                return head;
            }
        }
    }

    /** Runs {@link #sealAvailable()} on a daemon thread, polling every {@link SealSettings#pollInterval()}. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "ledger-sealer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread started by {@link #start()}, letting a round in progress finish. */
    public void stop() {
        Thread worker;
        synchronized (this) {
            worker = thread;
            running = false;
            thread = null;
        }
        if (worker != null) {
            wake();
            try {
                worker.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the thread to look for new commits now, e.g. right after an append. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        int failures = 0;
        while (running) {
            Duration pause = settings.pollInterval();
            try {
                sealAvailable();
                failures = 0;
            } catch (RuntimeException e) {
                failures++;
                // back off while the database is unreachable instead of logging five times a second
                pause = pause.multipliedBy(1L << Math.min(failures, 8));
                if (pause.compareTo(MAX_BACKOFF) > 0) {
                    pause = MAX_BACKOFF;
                }
                // positions and Mongo errors only: seal records and heads carry no personal data
                log.warn("Sealing the ledger failed ({} in a row); retrying in {}", failures, pause, e);
            }
            awaitSignal(pause);
        }
    }

    private void awaitSignal(Duration pause) {
        long deadline = System.nanoTime() + pause.toNanos();
        synchronized (signal) {
            while (!woken && running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    private Step sealWindow(ChainHead head) {
        long next = head.position() + 1;
        long windowEnd = next + settings.window();
        Map<Long, Document> commits = SealState.byId(events, next, settings.window());
        List<Document> records = new ArrayList<>();
        byte[] chain = ChainHashing.unhex(head.chain());
        long sealedCommits = head.sealedCommits();
        long position = next;
        Long reserved = null;
        boolean blocked = false;
        while (position < windowEnd) {
            Document commit = commits.get(position);
            if (commit != null) {
                long last = lastOf(commit, position);
                List<String> hashes = new ArrayList<>();
                for (Document event : eventsOf(commit)) {
                    byte[] hash = ChainHashing.eventHash(event);
                    hashes.add(ChainHashing.hex(hash));
                    chain = ChainHashing.chain(chain, hash);
                }
                Document record = new Document("_id", position)
                        .append(SealSchema.LAST, last)
                        .append(SealSchema.TENANT, commit.get(LedgerSchema.TENANT))
                        .append(SealSchema.EVENT_HASHES, hashes)
                        .append(SealSchema.CHAIN, ChainHashing.hex(chain));
                if (hashes.isEmpty()) {
                    record.append(SealSchema.EMPTY, true);
                }
                records.add(record);
                sealedCommits++;
                position = last + 1;
                continue;
            }
            if (reserved == null) {
                reserved = reservedThrough();
            }
            if (position > reserved) {
                blocked = true;
                break;
            }
            long now = nanoTime.getAsLong();
            long since = missingSince.computeIfAbsent(position, p -> now);
            if (now - since < settings.gapTimeout().toNanos()) {
                // start the clock for every missing reserved position in view, so a crashed batch times out at once
                for (long p = position + 1; p <= Math.min(reserved, windowEnd - 1); p++) {
                    if (!commits.containsKey(p)) {
                        missingSince.putIfAbsent(p, now);
                    }
                }
                blocked = true;
                break;
            }
            log.info("Ledger position {} was reserved but not written within {}; sealing it as a gap", position, settings.gapTimeout());
            records.add(new Document("_id", position)
                    .append(SealSchema.LAST, position)
                    .append(SealSchema.GAP, true)
                    .append(SealSchema.CHAIN, ChainHashing.hex(chain)));
            position++;
        }
        if (records.isEmpty()) {
            return new Step(head, false);
        }
        if (!insert(records)) {
            // another sealer stored some of these first: continue from what is stored
            log.debug("Seal records from position {} were stored by another sealer; adopting them", next);
            return new Step(adoptStored(state.read()), true);
        }
        ChainHead advanced = new ChainHead(position - 1, ChainHashing.hex(chain), sealedCommits);
        state.advance(advanced);
        return new Step(advanced, !blocked);
    }

    /** @return false when a record already existed (a concurrent or crashed sealer wrote it) */
    private boolean insert(List<Document> records) {
        try {
            seals.insertMany(records, new InsertManyOptions().ordered(true));
            return true;
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            return false;
        }
    }

    /** Follows seal records stored beyond {@code head} (by another instance, or before a crash) and persists the result. */
    private ChainHead adoptStored(ChainHead head) {
        ChainHead adopted = head;
        while (true) {
            long next = adopted.position() + 1;
            Map<Long, Document> stored = state.seals(next, settings.window());
            long position = next;
            while (stored.containsKey(position)) {
                Document record = stored.get(position);
                long last = longOf(record, SealSchema.LAST);
                boolean gap = Boolean.TRUE.equals(record.getBoolean(SealSchema.GAP));
                adopted = new ChainHead(last, record.getString(SealSchema.CHAIN), adopted.sealedCommits() + (gap ? 0 : 1));
                position = last + 1;
            }
            if (position < next + settings.window()) {
                break;
            }
        }
        if (adopted.position() > head.position()) {
            state.advance(adopted);
        }
        return adopted;
    }

    private long reservedThrough() {
        Document counter = counters.find(Filters.eq("_id", LedgerSchema.POSITION_COUNTER)).first();
        return counter == null ? settings.firstPosition() - 1 : longOf(counter, LedgerSchema.COUNTER_VALUE);
    }

    static long lastOf(Document commit, long first) {
        Object last = commit.get(LedgerSchema.LAST);
        if (last instanceof Number number) {
            return Math.max(first, number.longValue());
        }
        return first + Math.max(0, eventsOf(commit).size() - 1);
    }

    static List<Document> eventsOf(Document commit) {
        List<Document> list = commit.getList(LedgerSchema.EVENT_LIST, Document.class);
        return list == null ? List.of() : list;
    }

    private record Step(ChainHead head, boolean more) {
    }
}
