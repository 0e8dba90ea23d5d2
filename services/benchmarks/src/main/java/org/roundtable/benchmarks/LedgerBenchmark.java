package org.roundtable.benchmarks;

import static org.roundtable.ledger.store.LedgerSchema.EVENTS;
import static org.roundtable.ledger.store.LedgerSchema.EVENT_LIST;
import static org.roundtable.ledger.store.LedgerSchema.ID;
import static org.roundtable.ledger.store.LedgerSchema.STREAM_KEYS;
import static org.roundtable.ledger.store.LedgerSchema.streamKey;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.bson.Document;
import org.roundtable.ledger.crypto.MasterKey;
import org.roundtable.ledger.crypto.PersonalDataSerializer;
import org.roundtable.ledger.crypto.SubjectKeyStore;
import org.roundtable.ledger.embedded.EmbeddedMongo;
import org.roundtable.ledger.seal.ChainHashing;
import org.roundtable.ledger.seal.ChainHead;
import org.roundtable.ledger.seal.SealSchema;
import org.roundtable.ledger.seal.SealSettings;
import org.roundtable.ledger.seal.Sealer;
import org.roundtable.ledger.seal.VerificationResult;
import org.roundtable.ledger.seal.Verifier;
import org.roundtable.ledger.store.LedgerSettings;

/**
 * The ledger benchmark: in one JVM, against one embedded mongo-java-server (memory backend, reached over
 * TCP by the real driver), it measures our Axon path and a raw-driver baseline doing the same work on
 * documents of the same shape, run after run, and reports the ratios. It measures; it asserts nothing.
 *
 * <p>System properties: {@code bench.events} (ledger size for replay, load, verify), {@code bench.runs},
 * {@code bench.aggregateEvents}, {@code bench.appendCommands} (per run and variant),
 * {@code bench.latencySeconds} (per latency run), {@code bench.scaleEvents} (0 skips the scale check),
 * {@code bench.results} (the Markdown file to write).
 */
public final class LedgerBenchmark {

    /** Events per engine read, as {@code roundtable.ledger.batch-size} defaults. */
    static final int ENGINE_BATCH = 500;
    /** Pooled streaming processor tuning used throughout (Axon's default batch size of 1 is measured once too). */
    static final int PSEP_BATCH = 100;
    static final int PSEP_SEGMENTS = 4;
    static final String BIG = "big-aggregate";
    static final int EXISTING_POOL = 200;
    static final int SCALE_LOAD_LIMIT_SECONDS = 360;

    private final int events = Integer.getInteger("bench.events", 100_000);
    private final int runs = Integer.getInteger("bench.runs", 5);
    private final int aggregateEvents = Integer.getInteger("bench.aggregateEvents", 10_000);
    private final int appendCommands = Integer.getInteger("bench.appendCommands", 1_000);
    /** Replays of the whole ledger are the long part of the run; they get their own, smaller count. */
    private final int replayRuns = Integer.getInteger("bench.replayRuns", 3);
    private final int latencySeconds = Integer.getInteger("bench.latencySeconds", 8);
    private final int scaleEvents = Integer.getInteger("bench.scaleEvents", 1_000_000);
    private final Path results = Path.of(System.getProperty("bench.results", "RESULTS.md"));

    /** Comma-separated sections to run (append, ledger, latency, scale); all when empty. */
    private final String only = System.getProperty("bench.only", "");
    private final Report report = new Report();
    private final MasterKey masterKey = MasterKey.generate();
    private final long startedAt = System.nanoTime();
    private MongoClient client;
    private final String loadAtStart = loadAverage();

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        new LedgerBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        log("ledger benchmark: events=%d runs=%d aggregateEvents=%d appendCommands=%d latencySeconds=%d scaleEvents=%d",
                events, runs, aggregateEvents, appendCommands, latencySeconds, scaleEvents);
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0)) {
            client = MongoClients.create(mongo.connectionString());
            try {
                if (section("append")) {
                    append(client.getDatabase("bench_append"));
                }
                if (section("ledger")) {
                    ledgerOfSize(client.getDatabase("bench_ledger"));
                }
                if (section("latency")) {
                    latency(client.getDatabase("bench_latency"), false);
                    latency(client.getDatabase("bench_latency_tep"), true);
                }
                if (scaleEvents > 0 && section("scale")) {
                    scale(client.getDatabase("bench_scale"));
                }
            } finally {
                client.close();
            }
        }
        String markdown = report.markdown(header());
        System.out.println(markdown);
        Report.write(results, markdown);
        log("wrote %s", results.toAbsolutePath());
    }

    // ------------------------------------------------------------------ 1. append

    private void append(MongoDatabase database) throws Exception {
        log("1. append");
        PersonalDataSerializer serializer = new PersonalDataSerializer(new SubjectKeyStore(database, masterKey));
        CommitDocuments documents = new CommitDocuments(serializer);
        MongoCollection<Document> raw = database.getCollection("raw_commits")
                .withWriteConcern(LedgerSettings.defaults().writeConcern());
        CommitDocuments.ensureLedgerIndexes(raw);
        AtomicLong rawPosition = new AtomicLong(1);
        for (String variant : List.of("new", "existing", "cached")) {
            boolean existing = !variant.equals("new");
            try (AxonApp app = AxonApp.start(database, masterKey, null, PSEP_BATCH, PSEP_SEGMENTS, variant.equals("cached"), false)) {
                CommandGateway gateway = app.config.commandGateway();
                for (int threads : new int[] {1, 2}) {
                    double[] ours = new double[runs];
                    double[] base = new double[runs];
                    for (int run = -1; run < runs; run++) { // run -1 warms up
                        String prefix = variant + threads + "-" + run + "-";
                        if (existing) {
                            for (int i = 0; i < EXISTING_POOL; i++) {
                                send(gateway, prefix + i, 0);
                            }
                        }
                        long start = System.nanoTime();
                        parallel(threads, t -> {
                            for (int i = t; i < appendCommands; i += threads) {
                                // existing: thread t only touches its own aggregates, so the threads never contend
                                String id = existing ? prefix + ((i % (EXISTING_POOL / threads)) * threads + t) : prefix + "new-" + i;
                                send(gateway, id, 0);
                            }
                        });
                        double oursRate = appendCommands / seconds(start);
                        List<Document> docs = new ArrayList<>(appendCommands);
                        for (int i = 0; i < appendCommands; i++) {
                            docs.add(documents.commit(rawPosition.getAndIncrement(), prefix + "raw-" + (i % EXISTING_POOL), i, 0));
                        }
                        start = System.nanoTime();
                        parallel(threads, t -> {
                            for (int i = t; i < appendCommands; i += threads) {
                                raw.insertOne(docs.get(i));
                            }
                        });
                        double rawRate = appendCommands / seconds(start);
                        if (run >= 0) {
                            ours[run] = oursRate;
                            base[run] = rawRate;
                        }
                    }
                    String what = "1. append, " + threads + " client thread" + (threads > 1 ? "s" : "") + ", one event per command, "
                            + switch (variant) {
                                case "new" -> "new aggregates (a new data subject each)";
                                case "existing" -> "existing aggregates (" + EXISTING_POOL + " of 1 event, growing to ~"
                                        + (1 + appendCommands / EXISTING_POOL) + "), no aggregate cache";
                                default -> "existing aggregates as above, with Axon's WeakReferenceCache";
                            };
                    report.compare(what, new Report.Series("commands", "/s", ours), new Report.Series("insertOne", "/s", base), true, 0.5);
                    log("  %s: ours %.0f/s raw %.0f/s", what, median(ours), median(base));
                }
            }
        }
        // the raw documents must look exactly like what the engine wrote
        Document engineDoc = database.getCollection(EVENTS).find(Filters.eq(ID, 1L)).first();
        Document rawDoc = raw.find().first();
        boolean same = CommitDocuments.shape(engineDoc).equals(CommitDocuments.shape(rawDoc));
        report.note("Document shape check: a commit written by MongoLedgerEngine and the raw/bulk-loaded commit have "
                + (same ? "the same fields and types" : "DIFFERENT shapes: " + CommitDocuments.shape(engineDoc) + " vs " + CommitDocuments.shape(rawDoc))
                + "; BSON size " + CommitDocuments.bsonSize(engineDoc) + " B (engine) vs " + CommitDocuments.bsonSize(rawDoc) + " B (raw).");
        database.drop();
    }

    private static void send(CommandGateway gateway, String personId, long ticket) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(new Notes.Note(personId, Notes.text(ticket), ticket))
                .andMetaData(CommitDocuments.commandMetaData()));
    }

    // ------------------------------------------------------------------ 2-4. replay, load, verify

    private void ledgerOfSize(MongoDatabase database) throws Exception {
        log("2-4. a ledger of %,d events", events);
        long bigEvery = events / aggregateEvents;
        int small = Math.max(1, (events - aggregateEvents) / 10);
        CommitDocuments documents = new CommitDocuments(new PersonalDataSerializer(new SubjectKeyStore(database, masterKey)));
        long start = System.nanoTime();
        documents.load(database, events, bigEvery, BIG, small, false, Integer.MAX_VALUE);
        report.note(String.format("Ledger for 2–4: %,d one-event commits loaded in %.1f s by insertMany (payloads serialized and encrypted by PersonalDataSerializer);"
                        + " every %d-th event belongs to `%s` (%,d events), the others round-robin to %,d aggregates of ~10 events.",
                events, seconds(start), bigEvery, BIG, aggregateEvents, small));

        AxonApp.NotesProjection projection = new AxonApp.NotesProjection(database, 0);
        try (AxonApp app = AxonApp.start(database, masterKey, projection, PSEP_BATCH, PSEP_SEGMENTS)) {
            replay(database, app);
            load(database, app, "at " + String.format("%,d", events) + " events");
            verify(database);
            trackingBatch(database, app, "at " + String.format("%,d", events) + " events");
        }
        replayWithAxonDefaults(database);
        database.drop();
    }

    private void replay(MongoDatabase database, AxonApp app) throws Exception {
        log("2. replay");
        StreamingEventProcessor processor = app.processor();
        // the processor started at the tail with the app: that first build warms up
        await(() -> app.projection.handled.get() >= events, 600);
        double[] ours = new double[replayRuns];
        double[] rawIn = new double[replayRuns];
        double[] rawSort = new double[replayRuns];
        MongoCollection<Document> commits = database.getCollection(EVENTS);
        MongoCollection<Document> rawModel = database.getCollection("raw_read_notes");
        for (int run = 0; run < replayRuns; run++) {
            ours[run] = rebuild(app, processor);
            long start = System.nanoTime();
            rawModel.drop();
            for (long from = 1; from <= events; from += ENGINE_BATCH) {
                TreeMap<Long, Document> window = new TreeMap<>();
                for (Document commit : commits.find(Filters.in(ID, range(from, Math.min(events, from + ENGINE_BATCH - 1))))) {
                    window.put(((Number) commit.get(ID)).longValue(), commit);
                }
                window.values().forEach(commit -> writeRaw(rawModel, commit));
            }
            rawIn[run] = seconds(start);
            start = System.nanoTime();
            rawModel.drop();
            for (Document commit : commits.find().sort(Sorts.ascending(ID)).batchSize(ENGINE_BATCH)) {
                writeRaw(rawModel, commit);
            }
            rawSort[run] = seconds(start);
            log("  run %d: axon %.1f s, raw $in %.1f s, raw sort %.1f s", run, ours[run], rawIn[run], rawSort[run]);
        }
        String what = String.format("2. rebuild a Mongo projection of %,d events by replay (PSEP batch %d, %d segments; reset → caught up)",
                events, PSEP_BATCH, PSEP_SEGMENTS);
        Report.Series oursSeries = new Report.Series("replay", "s", ours);
        report.compare(what + " vs `_id $in` windows of " + ENGINE_BATCH, oursSeries, new Report.Series("raw $in", "s", rawIn), false, 0.5);
        report.compare(what + " vs `find().sort(_id)`", oursSeries, new Report.Series("raw sort", "s", rawSort), false, 0.5);

    }

    /** One build with Axon's PSEP defaults (batch size 1, 16 segments) from no tokens to caught up. */
    private void replayWithAxonDefaults(MongoDatabase database) {
        database.getCollection("axon_tokens").drop();
        long start = System.nanoTime();
        int limit = 60;
        try (AxonApp defaults = AxonApp.start(database, masterKey, new AxonApp.NotesProjection(database, 0), 1, 16)) {
            defaults.projection.notes.drop();
            try {
                await(() -> defaults.projection.handled.get() >= events, limit);
                report.measure(String.format("2b. the same build with Axon's PSEP defaults (batch size 1, 16 segments), no tokens → caught up, one run"),
                        new Report.Series("build", "s", new double[] {seconds(start)}), "one token write per event");
            } catch (IllegalStateException e) {
                long handled = defaults.projection.handled.get();
                report.measure("2b. the same build with Axon's PSEP defaults (batch size 1, 16 segments), one run, stopped after " + limit + " s",
                        new Report.Series("rate", "events/s", new double[] {handled / seconds(start)}),
                        String.format("not caught up within %d s (%,d of %,d events handled); the tuned processor's rate is events ÷ the replay time above",
                                limit, handled, events));
            }
        }
    }

    private double rebuild(AxonApp app, StreamingEventProcessor processor) {
        processor.shutDown();
        long start = System.nanoTime();
        processor.resetTokens();
        processor.start();
        await(() -> app.projection.handled.get() >= events && !processor.isReplaying(), 900);
        return seconds(start);
    }

    private static void writeRaw(MongoCollection<Document> model, Document commit) {
        for (Document entry : commit.getList(EVENT_LIST, Document.class)) {
            String aggregate = entry.getString("agg");
            long sequence = ((Number) entry.get("seq")).longValue();
            model.replaceOne(Filters.eq(ID, aggregate + "/" + sequence),
                    AxonApp.readModel(aggregate, sequence + 1, entry.getString("payload"), ((Number) entry.get("p")).longValue()),
                    new ReplaceOptions().upsert(true));
        }
    }

    private void load(MongoDatabase database, AxonApp app, String scale) {
        log("3. aggregate load %s", scale);
        Repository<Notes.Person> repository = app.config.repository(Notes.Person.class);
        MongoCollection<Document> commits = database.getCollection(EVENTS);
        double[] ours = new double[runs];
        double[] stream = new double[runs];
        double[] rawAll = new double[runs];
        double[] rawWindows = new double[runs];
        double[] rawScan = new double[runs];
        List<String> keys = new ArrayList<>();
        for (int s = 0; s < aggregateEvents; s++) {
            keys.add(streamKey(BIG, s));
        }
        for (int run = -1; run < runs; run++) {
            long start = System.nanoTime();
            long count = loadAggregate(repository);
            double o = millis(start);
            check(count == aggregateEvents, "the aggregate loaded to " + count);
            start = System.nanoTime();
            long streamed = 0;
            DomainEventStream events = app.config.eventStore().readEvents(BIG);
            while (events.hasNext()) {
                events.next();
                streamed++;
            }
            double st = millis(start);
            check(streamed == aggregateEvents, "readEvents gave " + streamed);
            start = System.nanoTime();
            long found = count(commits.find(Filters.in(STREAM_KEYS, keys)));
            double all = millis(start);
            check(found == aggregateEvents, "raw $in found " + found);
            start = System.nanoTime();
            found = 0;
            for (int from = 0; from < aggregateEvents; from += ENGINE_BATCH) {
                found += count(commits.find(Filters.in(STREAM_KEYS, keys.subList(from, Math.min(aggregateEvents, from + ENGINE_BATCH)))));
            }
            double windows = millis(start);
            start = System.nanoTime();
            long scanned = count(commits.find(Filters.eq(EVENT_LIST + ".agg", BIG)));
            double scan = millis(start);
            check(scanned == aggregateEvents, "raw scan found " + scanned);
            if (run >= 0) {
                ours[run] = o;
                stream[run] = st;
                rawAll[run] = all;
                rawWindows[run] = windows;
                rawScan[run] = scan;
            }
        }
        Report.Series oursSeries = new Report.Series("repository.load", "ms", ours);
        String what = String.format("3. load a %,d-event aggregate %s, no snapshot (EventSourcingRepository.load)", aggregateEvents, scale);
        report.compare(what + " vs one `k $in` of all keys", oursSeries, new Report.Series("raw $in all", "ms", rawAll), false, 0.5);
        report.compare(what + " vs `k $in` windows of " + ENGINE_BATCH, oursSeries, new Report.Series("raw $in windows", "ms", rawWindows), false, 0.5);
        report.compare(what + " vs `events.agg` equality (a scan here)", oursSeries, new Report.Series("raw scan", "ms", rawScan), false, 0.5);
        report.measure(String.format("3b. EventStore.readEvents(aggregate) of %,d events %s, iterated (payloads not deserialized)", aggregateEvents, scale),
                new Report.Series("", "ms", stream), "storage read + message wrapping");

        app.config.snapshotter().scheduleSnapshot(Notes.Person.class, BIG);
        await(() -> database.getCollection("ledger_snapshots").countDocuments(Filters.eq(ID, BIG)) == 1, 60);
        double[] withSnapshot = new double[runs];
        for (int run = -1; run < runs; run++) {
            long start = System.nanoTime();
            long count = loadAggregate(repository);
            check(count == aggregateEvents, "the aggregate loaded from its snapshot to " + count);
            if (run >= 0) {
                withSnapshot[run] = millis(start);
            }
        }
        report.compare(String.format("3c. load the %,d-event aggregate %s from a snapshot at its last event", aggregateEvents, scale),
                new Report.Series("load with snapshot", "ms", withSnapshot), new Report.Series("raw $in all", "ms", rawAll), false, 0);
        database.getCollection("ledger_snapshots").deleteMany(Filters.eq(ID, BIG));
    }

    private static long loadAggregate(Repository<Notes.Person> repository) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(BIG).invoke(Notes.Person::count);
        } finally {
            unitOfWork.rollback();
        }
    }

    private void verify(MongoDatabase database) throws Exception {
        log("4. verify");
        SealSettings settings = SealSettings.defaults();
        long start = System.nanoTime();
        ChainHead head = new Sealer(database, settings).sealAvailable();
        check(head.position() == events, "sealed through " + head.position());
        report.measure(String.format("4b. Sealer.sealAvailable() of %,d events, once", events),
                new Report.Series("", "s", new double[] {seconds(start)}), "reads windows, hashes, inserts one seal record per commit");
        Verifier verifier = new Verifier(database, settings);
        MongoCollection<Document> commits = database.getCollection(EVENTS);
        MongoCollection<Document> seals = database.getCollection(SealSchema.SEALS);
        double[] ours = new double[replayRuns];
        double[] rawHash = new double[replayRuns];
        double[] rawRead = new double[replayRuns];
        for (int run = -1; run < replayRuns; run++) {
            start = System.nanoTime();
            VerificationResult result = verifier.verifyAll();
            double o = seconds(start);
            check(result.ok() && result.verifiedThrough() == events, "verification: " + result);
            start = System.nanoTime();
            byte[] chain = ChainHashing.genesis();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long hashed = 0;
            for (long from = 1; from <= events; from += settings.window()) {
                List<Long> ids = range(from, Math.min(events, from + settings.window() - 1));
                TreeMap<Long, Document> window = new TreeMap<>();
                for (Document commit : commits.find(Filters.in(ID, ids))) {
                    window.put(((Number) commit.get(ID)).longValue(), commit);
                }
                Map<Long, Document> sealWindow = new TreeMap<>();
                for (Document seal : seals.find(Filters.in(ID, ids))) {
                    sealWindow.put(((Number) seal.get(ID)).longValue(), seal);
                }
                check(sealWindow.size() == window.size(), "seal window");
                for (Document commit : window.values()) {
                    for (Document entry : commit.getList(EVENT_LIST, Document.class)) {
                        byte[] hash = sha.digest(ChainHashing.canonical(entry));
                        sha.update(chain);
                        sha.update(hash);
                        chain = sha.digest();
                        hashed++;
                    }
                }
            }
            double h = seconds(start);
            check(hashed == events && ChainHashing.hex(chain).equals(result.chainHead()), "the raw chain differs from the verifier's");
            start = System.nanoTime();
            long read = 0;
            for (long from = 1; from <= events; from += settings.window()) {
                read += count(commits.find(Filters.in(ID, range(from, Math.min(events, from + settings.window() - 1)))));
            }
            double r = seconds(start);
            check(read == events, "raw read " + read);
            if (run >= 0) {
                ours[run] = o;
                rawHash[run] = h;
                rawRead[run] = r;
            }
        }
        Report.Series oursSeries = new Report.Series("verifyAll", "s", ours);
        String what = String.format("4. Verifier.verifyAll() of %,d events", events);
        report.compare(what + " vs raw read of commits + seal records in `$in` windows + SHA-256 chain over the same canonical bytes",
                oursSeries, new Report.Series("raw read+hash", "s", rawHash), false, 0.5);
        report.compare(what + " vs raw read of the commits only (`$in` windows)", oursSeries,
                new Report.Series("raw read", "s", rawRead), false, 0.5);
    }

    /** The tracking read path: the next batch after a token, as the engine fetches it, against raw reads. */
    private void trackingBatch(MongoDatabase database, AxonApp app, String scale) {
        log("tracking next batch %s", scale);
        MongoCollection<Document> commits = database.getCollection(EVENTS);
        long total = app.engine.lastReservedPosition();
        for (long at : new long[] {0, total / 2, total - ENGINE_BATCH}) {
            double[] ours = new double[runs];
            double[] rawIn = new double[runs];
            double[] rawSorted = new double[runs];
            for (int run = -1; run < runs; run++) {
                long start = System.nanoTime();
                long got;
                try (Stream<?> stream = app.engine.readEvents(at == 0 ? null : GapAwareTrackingToken.newInstance(at, List.of()), false)
                        .limit(ENGINE_BATCH)) {
                    got = stream.count();
                }
                double o = millis(start);
                check(got == ENGINE_BATCH, "engine batch of " + got);
                start = System.nanoTime();
                long found = count(commits.find(Filters.in(ID, range(at + 1, at + ENGINE_BATCH))));
                double in = millis(start);
                check(found == ENGINE_BATCH, "raw window of " + found);
                start = System.nanoTime();
                found = count(commits.find(Filters.gt(ID, at)).sort(Sorts.ascending(ID)).limit(ENGINE_BATCH));
                double sorted = millis(start);
                if (run >= 0) {
                    ours[run] = o;
                    rawIn[run] = in;
                    rawSorted[run] = sorted;
                }
            }
            String what = String.format("tracking: next batch of %d after position %,d, %s (engine.readEvents(token))", ENGINE_BATCH, at, scale);
            Report.Series oursSeries = new Report.Series("engine", "ms", ours);
            report.compare(what + " vs raw `_id $in` window", oursSeries, new Report.Series("raw $in", "ms", rawIn), false, 0);
            report.compare(what + " vs raw `_id $gt` + sort + limit", oursSeries, new Report.Series("raw $gt+sort", "ms", rawSorted), false, 0);
        }
    }

    // ------------------------------------------------------------------ 5. latency

    private void latency(MongoDatabase database, boolean trackingProcessor) throws Exception {
        String kind = trackingProcessor ? "TrackingEventProcessor (single thread, batch " + PSEP_BATCH + ")"
                : "pooled streaming processor (batch " + PSEP_BATCH + ", " + PSEP_SEGMENTS + " segments)";
        log("5. latency, %s", kind);
        int capacity = 4_000_000;
        AxonApp.NotesProjection projection = new AxonApp.NotesProjection(database, capacity);
        long[] ackAt = new long[capacity];
        AtomicLong tickets = new AtomicLong(1);
        try (AxonApp app = AxonApp.start(database, masterKey, projection, PSEP_BATCH, PSEP_SEGMENTS, false, trackingProcessor)) {
            CommandGateway gateway = app.config.commandGateway();
            int threads = 2;
            for (int i = 0; i < EXISTING_POOL; i++) {
                send(gateway, "l-" + i, 0);
            }
            await(() -> projection.handled.get() >= EXISTING_POOL, 60);

            // sustainable: both threads as fast as they go; the rate counts until the processor has handled everything
            long handledBefore = projection.handled.get();
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(latencySeconds);
            AtomicLong sent = new AtomicLong();
            parallel(threads, t -> {
                int i = t;
                while (System.nanoTime() < deadline) {
                    send(gateway, "l-" + (i % EXISTING_POOL), 0);
                    i += threads;
                    sent.incrementAndGet();
                }
            });
            double sendSeconds = seconds(start);
            await(() -> projection.handled.get() >= handledBefore + sent.get(), 300);
            double allSeconds = seconds(start);
            double sustainable = sent.get() / allSeconds;
            String label = trackingProcessor ? "5 (TEP variant)" : "5";
            report.measure(label + "a. sustainable rate: 2 client threads, existing aggregates, " + kind + " projection keeping up",
                    new Report.Series("", "events/s", new double[] {sustainable}),
                    String.format("%,d commands acknowledged in %.1f s; processor done %.2f s after the last ack", sent.get(), sendSeconds, allSeconds - sendSeconds));

            double rate = sustainable / 2;
            long intervalNanos = (long) (1e9 / rate);
            double[] p50 = new double[runs];
            double[] p99 = new double[runs];
            double[] max = new double[runs];
            for (int run = -1; run < runs; run++) {
                long first = tickets.get();
                long begin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
                long stop = begin + TimeUnit.SECONDS.toNanos(latencySeconds);
                AtomicLong slot = new AtomicLong();
                // open loop: each command has a start slot on a fixed schedule; a late client does not slow the schedule
                parallel(threads, t -> {
                    while (true) {
                        long due = begin + slot.getAndIncrement() * intervalNanos;
                        if (due >= stop) {
                            return;
                        }
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        long ticket = tickets.getAndIncrement();
                        send(gateway, "l-" + (ticket % EXISTING_POOL), ticket);
                        ackAt[(int) ticket] = System.nanoTime();
                    }
                });
                long last = tickets.get();
                await(() -> {
                    for (long tk = first; tk < last; tk++) {
                        if (projection.handledAt[(int) tk] == 0) {
                            return false;
                        }
                    }
                    return true;
                }, 120);
                double[] latencies = new double[(int) (last - first)];
                for (long tk = first; tk < last; tk++) {
                    // handled before the client saw its acknowledgement counts as 0 ms
                    latencies[(int) (tk - first)] = Math.max(0, projection.handledAt[(int) tk] - ackAt[(int) tk]) / 1e6;
                }
                Arrays.sort(latencies);
                if (run >= 0) {
                    p50[run] = percentile(latencies, 0.50);
                    p99[run] = percentile(latencies, 0.99);
                    max[run] = latencies[latencies.length - 1];
                }
                log("  run %d: %d commands at %.0f/s, p50 %.1f ms p99 %.1f ms max %.1f ms", run, latencies.length, rate,
                        percentile(latencies, 0.5), percentile(latencies, 0.99), latencies[latencies.length - 1]);
            }
            Report.Series p99s = new Report.Series("p99", "ms", p99);
            String verdict = p99s.median() <= 100 ? "met (≤ 100 ms)" : "MISSED: " + Report.fmt(p99s.median() - 100) + " ms over 100 ms";
            report.measure(String.format("%s. ack → handled by the %s projection at half the sustainable rate (%.0f commands/s, 2 paced client threads, %d s per run): **p99**",
                    label, kind, rate, latencySeconds), p99s, "target ≤ 100 ms: " + verdict);
            report.measure(label + ". same runs: p50", new Report.Series("p50", "ms", p50), "");
            report.measure(label + ". same runs: max", new Report.Series("max", "ms", max), "");
        }
        database.drop();
    }

    // ------------------------------------------------------------------ scale

    private void scale(MongoDatabase database) throws Exception {
        log("scale: %,d events", scaleEvents);
        CommitDocuments documents = new CommitDocuments(new PersonalDataSerializer(new SubjectKeyStore(database, masterKey)));
        long start = System.nanoTime();
        long loaded = documents.load(database, scaleEvents, scaleEvents / aggregateEvents, BIG, 9_000, true, SCALE_LOAD_LIMIT_SECONDS);
        double loadSeconds = seconds(start);
        if (loaded < scaleEvents) {
            report.note(String.format("Scale ledger: loading stopped at %,d of %,d events after the %d s limit; the scale rows below are at %,d events.",
                    loaded, scaleEvents, SCALE_LOAD_LIMIT_SECONDS, loaded));
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        report.note(String.format("Scale ledger: %,d one-event commits loaded in %.0f s (the %,d events of `%s` serialized for real; the others reuse one"
                        + " serialized payload per aggregate, same size, never deserialized here); heap in use after GC ≈ %,d MB (memory backend, -Xmx %,d MB).",
                loaded, loadSeconds, aggregateEvents, BIG, used >> 20, rt.maxMemory() >> 20));
        try (AxonApp app = AxonApp.start(database, masterKey, null, PSEP_BATCH, PSEP_SEGMENTS)) {
            trackingBatch(database, app, String.format("at %,d events", loaded));
            load(database, app, String.format("at %,d events", loaded));
        }
        database.drop();
    }

    // ------------------------------------------------------------------ helpers

    private boolean section(String name) {
        return only.isBlank() || List.of(only.split(",")).contains(name);
    }

    private interface Work {
        void run(int thread) throws Exception;
    }

    private static void parallel(int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit((Callable<Object>) () -> {
                    work.run(thread);
                    return null;
                }));
            }
            for (Future<Object> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(BooleanSupplier condition, int timeoutSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not reached within " + timeoutSeconds + " s");
            }
            LockSupport.parkNanos(200_000);
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark sanity check failed: " + what);
        }
    }

    private static long count(Iterable<Document> documents) {
        long n = 0;
        for (Document ignored : documents) {
            n++;
        }
        return n;
    }

    static List<Long> range(long from, long to) {
        List<Long> ids = new ArrayList<>((int) Math.max(0, to - from + 1));
        for (long p = from; p <= to; p++) {
            ids.add(p);
        }
        return ids;
    }

    private static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double median(double[] values) {
        return new Report.Series("", "", values).median();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private void log(String format, Object... args) {
        System.out.printf("[bench %6.1f s] %s%n", (System.nanoTime() - startedAt) / 1e9, String.format(format, args));
    }

    private static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private String header() {
        String command = "./mvnw -B -o -Pbench -pl services/benchmarks verify"
                + String.format(" -Dbench.events=%d -Dbench.runs=%d -Dbench.replayRuns=%d -Dbench.appendCommands=%d -Dbench.scaleEvents=%d",
                        events, runs, replayRuns, appendCommands, scaleEvents);
        return "# Ledger benchmark results\n\n"
                + "Generated by `org.roundtable.benchmarks.LedgerBenchmark` on " + Instant.now() + ".\n\n"
                + "- Command: `" + command + "` (the module exists only under the `bench` profile)\n"
                + "- Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (nproc), "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", heap max "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB, JVM args " + ManagementFactory.getRuntimeMXBean().getInputArguments() + "\n"
                + "- Store: one embedded mongo-java-server 1.47.0 (memory backend) on 127.0.0.1, reached by the MongoDB sync driver over TCP"
                + " by both sides; commit documents of the engine's shape; write concern as the engine's (majority, journaled).\n"
                + "- Axon: DefaultConfigurer, EmbeddedEventStore over MongoLedgerEngine (read batch " + ENGINE_BATCH + "), PersonalDataSerializer"
                + " (events carry one encrypted personal-data field), MongoTokenStore, pooled streaming processor reading through LedgerMessageSource (batch " + PSEP_BATCH
                + ", " + PSEP_SEGMENTS + " segments unless noted), no aggregate cache.\n"
                + "- Each figure is the median of " + runs + " runs after one warm-up run (replays and verification: " + replayRuns
                + " runs after the initial build), with min–max in brackets.\n"
                + "- Load average (1/5/15 min) of this shared machine at the start: " + loadAtStart + "; at the end: " + loadAverage()
                + " (other engineers' builds run alongside: absolute figures are noisy, ratios are taken run by run, ours then raw).\n"
                + "- Ratios: ours ÷ raw for rates, raw time ÷ our time for times, so higher is better for us and 1.0 means as fast as the raw driver.\n";
    }

    private LedgerBenchmark() {
    }
}
