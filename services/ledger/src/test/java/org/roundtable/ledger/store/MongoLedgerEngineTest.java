package org.roundtable.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roundtable.ledger.store.TestEvents.commit;
import static org.roundtable.ledger.store.TestEvents.domainEvent;
import static org.roundtable.ledger.store.TestEvents.newId;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MongoLedgerEngineTest {

    private MongoFixture mongo;
    private MongoLedgerEngine engine;

    @BeforeEach
    void start() {
        mongo = new MongoFixture();
        engine = mongo.engine();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private List<TrackedEventMessage<?>> readAll(MongoLedgerEngine from, TrackingToken token) {
        return from.readEvents(token, false).collect(Collectors.toList());
    }

    @Test
    @DisplayName("appended events come back in order for their aggregate and in one global order for trackers")
    void appendAndRead() {
        String a = newId();
        String b = newId();
        engine.appendEvents(commit(a, 0, 3, "kent"));
        engine.appendEvents(commit(b, 0, 2, "krefeld"));
        engine.appendEvents(commit(a, 3, 1, "kent"));

        DomainEventStream stream = engine.readEvents(a, 0);
        List<Long> sequences = new ArrayList<>();
        stream.forEachRemaining(e -> sequences.add(e.getSequenceNumber()));
        assertThat(sequences).containsExactly(0L, 1L, 2L, 3L);
        assertThat(engine.lastSequenceNumberFor(a)).contains(3L);
        assertThat(engine.lastSequenceNumberFor(newId())).isEmpty();

        List<TrackedEventMessage<?>> tracked = readAll(engine, null);
        assertThat(tracked).extracting(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(tracked).allSatisfy(e -> assertThat(((GapAwareTrackingToken) e.trackingToken()).hasGaps()).isFalse());
        assertThat(tracked.get(3).getPayload()).isEqualTo(new TestEvents.SomethingHappened(b, 0, "n0"));
        assertThat(readAll(engine, tracked.get(2).trackingToken())).hasSize(3);
    }

    @Test
    @DisplayName("a commit is one document holding every event of the unit of work, with the tenant on each")
    void oneDocumentPerCommit() {
        String a = newId();
        engine.appendEvents(commit(a, 0, 3, "kent"));
        MongoDatabase db = mongo.database();
        List<Document> docs = db.getCollection(LedgerSchema.EVENTS).find().into(new ArrayList<>());
        assertThat(docs).hasSize(1);
        Document commit = docs.get(0);
        assertThat(commit.get("_id")).isEqualTo(1L);
        assertThat(commit.get(LedgerSchema.LAST)).isEqualTo(3L);
        assertThat(commit.getString(LedgerSchema.TENANT)).isEqualTo("kent");
        assertThat(commit.getList(LedgerSchema.EVENT_LIST, Document.class))
                .extracting(e -> e.getString(LedgerSchema.TENANT)).containsOnly("kent");
        assertThat(commit.getList(LedgerSchema.STREAM_KEYS, String.class)).containsExactly(a + "/0");
    }

    @Test
    @DisplayName("a second writer at the same version is refused with Axon's concurrency exception and changes nothing")
    void optimisticConcurrency() {
        String a = newId();
        engine.appendEvents(commit(a, 0, 2, "kent"));
        assertThatThrownBy(() -> engine.appendEvents(commit(a, 0, 1, "kent")))
                .isInstanceOf(AggregateStreamCreationException.class);
        engine.appendEvents(commit(a, 2, 1, "kent"));
        // a writer that loaded the aggregate before the last commit appends at the same version
        assertThatThrownBy(() -> engine.appendEvents(commit(a, 2, 2, "kent")))
                .isInstanceOf(ConcurrencyException.class);
        List<Long> sequences = new ArrayList<>();
        engine.readEvents(a, 0).forEachRemaining(e -> sequences.add(e.getSequenceNumber()));
        assertThat(sequences).containsExactly(0L, 1L, 2L);
        // the refused commits' positions are marked empty: readers pass them at once, and tokens keep no gap
        assertThat(engine.lastReservedPosition()).isEqualTo(6L);
        List<TrackedEventMessage<?>> tracked = readAll(engine, null);
        assertThat(tracked).extracting(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex())
                .containsExactly(1L, 2L, 4L);
        assertThat(((GapAwareTrackingToken) tracked.get(2).trackingToken()).hasGaps()).isFalse();
        engine.appendEvents(commit(a, 3, 1, "kent"));
        GapAwareTrackingToken after = (GapAwareTrackingToken) readAll(engine, tracked.get(2).trackingToken())
                .get(0).trackingToken();
        assertThat(after.getIndex()).isEqualTo(7L);
        assertThat(after.hasGaps()).isFalse();
        // the sealer seals the empty positions at once and the chain verifies
        org.roundtable.ledger.seal.Sealer sealer = new org.roundtable.ledger.seal.Sealer(mongo.database());
        assertThat(sealer.sealAvailable().position()).isEqualTo(7L);
        assertThat(new org.roundtable.ledger.seal.Verifier(mongo.database()).verifyAll().ok()).isTrue();
    }

    @Test
    @DisplayName("two engines racing for one aggregate: exactly one wins each version")
    void racingWriters() throws Exception {
        MongoLedgerEngine other = mongo.engine();
        String a = newId();
        engine.appendEvents(commit(a, 0, 1, "kent"));
        int rounds = 50;
        AtomicLong conflicts = new AtomicLong();
        Thread[] threads = new Thread[2];
        MongoLedgerEngine[] engines = {engine, other};
        for (int t = 0; t < 2; t++) {
            MongoLedgerEngine writer = engines[t];
            threads[t] = new Thread(() -> {
                for (int i = 0; i < rounds; i++) {
                    while (true) {
                        long next = writer.lastSequenceNumberFor(a).orElse(-1L) + 1;
                        try {
                            writer.appendEvents(commit(a, next, 1, "kent"));
                            break;
                        } catch (ConcurrencyException e) {
                            conflicts.incrementAndGet();
                        }
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        List<Long> sequences = new ArrayList<>();
        engine.readEvents(a, 0).forEachRemaining(e -> sequences.add(e.getSequenceNumber()));
        assertThat(sequences).hasSize(2 * rounds + 1);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(i);
        }
    }

    @Test
    @DisplayName("snapshots are kept per aggregate, newest wins, and loading starts after the snapshot")
    void snapshots() {
        String a = newId();
        engine.appendEvents(commit(a, 0, 5, "kent"));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", a, 3, new TestEvents.Ticked(3)));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", a, 1, new TestEvents.Ticked(1)));
        assertThat(engine.readSnapshot(a)).get().extracting(DomainEventMessage::getSequenceNumber).isEqualTo(3L);
        List<Long> after = new ArrayList<>();
        engine.readEvents(a, 4).forEachRemaining(e -> after.add(e.getSequenceNumber()));
        assertThat(after).containsExactly(4L);
        // the event store applies the snapshot and then the events after it
        org.axonframework.eventsourcing.eventstore.EmbeddedEventStore store =
                org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder().storageEngine(engine).build();
        List<Object> payloads = new ArrayList<>();
        store.readEvents(a).forEachRemaining(e -> payloads.add(e.getPayload()));
        store.shutDown();
        assertThat(payloads).hasSize(2);
        assertThat(payloads.get(0)).isEqualTo(new TestEvents.Ticked(3));
        assertThat(engine.lastSequenceNumberFor(a)).contains(4L);
    }

    @Test
    @DisplayName("events that belong to no aggregate are tracked too")
    void plainEvents() {
        engine.appendEvents(List.of(TestEvents.plainEvent(1), TestEvents.plainEvent(2)));
        List<TrackedEventMessage<?>> tracked = readAll(engine, null);
        assertThat(tracked.stream().map(e -> (Object) e.getPayload()).toList())
                .containsExactly(new TestEvents.Ticked(1), new TestEvents.Ticked(2));
    }

    @Test
    @DisplayName("a reserved position written late is delivered in order; readers wait for it")
    void lateWriterIsDeliveredInOrder() {
        String a = newId();
        String b = newId();
        engine.appendEvents(commit(a, 0, 1, "kent"));
        // a writer reserves position 2 and stalls; another writes position 3
        MongoDatabase db = mongo.database();
        db.getCollection(LedgerSchema.COUNTERS).updateOne(Filters.eq("_id", LedgerSchema.POSITION_COUNTER),
                Updates.inc(LedgerSchema.COUNTER_VALUE, 1L));
        engine.appendEvents(commit(b, 0, 1, "kent"));

        List<TrackedEventMessage<?>> first = readAll(engine, null);
        assertThat(first).hasSize(1);

        // the stalled writer arrives: copy b's commit shape to position 2 for a new aggregate
        String c = newId();
        Document late = db.getCollection(LedgerSchema.EVENTS).find(Filters.eq("_id", 3L)).first();
        late.put("_id", 2L);
        late.put(LedgerSchema.LAST, 2L);
        late.put(LedgerSchema.STREAM_KEYS, List.of(c + "/0"));
        Document entry = late.getList(LedgerSchema.EVENT_LIST, Document.class).get(0);
        entry.put(LedgerSchema.POSITION, 2L);
        entry.put(LedgerSchema.AGGREGATE_ID, c);
        entry.put(LedgerSchema.EVENT_ID, newId());
        db.getCollection(LedgerSchema.EVENTS).insertOne(late);

        List<TrackedEventMessage<?>> rest = readAll(engine, first.get(0).trackingToken());
        assertThat(rest).extracting(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex()).containsExactly(2L, 3L);
    }

    @Test
    @DisplayName("a position never written times out as a gap, and a commit that still lands there is delivered")
    void neverWrittenGapTimesOut() {
        AtomicLong now = new AtomicLong(0);
        MongoLedgerEngine timed = MongoLedgerEngine.builder()
                .database(mongo.database())
                .settings(LedgerSettings.defaults().withGapTimeout(Duration.ofSeconds(10), Duration.ofSeconds(3)))
                .nanoClock(now::get)
                .eventSerializer(TestEvents.serializer())
                .build();
        MongoDatabase db = mongo.database();
        timed.appendEvents(commit(newId(), 0, 1, "kent"));
        db.getCollection(LedgerSchema.COUNTERS).updateOne(Filters.eq("_id", LedgerSchema.POSITION_COUNTER),
                Updates.inc(LedgerSchema.COUNTER_VALUE, 1L));
        timed.appendEvents(commit(newId(), 0, 2, "kent"));

        assertThat(readAll(timed, null)).hasSize(1);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(readAll(timed, null)).hasSize(1);
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        List<TrackedEventMessage<?>> all = readAll(timed, null);
        assertThat(all).extracting(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex()).containsExactly(1L, 3L, 4L);
        GapAwareTrackingToken last = (GapAwareTrackingToken) all.get(2).trackingToken();
        assertThat(last.getGaps()).containsExactly(2L);

        // a commit that lands in the gap after all is still delivered from the token's gaps
        Document late = db.getCollection(LedgerSchema.EVENTS).find(Filters.eq("_id", 1L)).first();
        late.put("_id", 2L);
        late.put(LedgerSchema.LAST, 2L);
        late.put(LedgerSchema.STREAM_KEYS, List.of("late/0"));
        Document entry = late.getList(LedgerSchema.EVENT_LIST, Document.class).get(0);
        entry.put(LedgerSchema.POSITION, 2L);
        entry.put(LedgerSchema.AGGREGATE_ID, "late");
        db.getCollection(LedgerSchema.EVENTS).insertOne(late);
        List<TrackedEventMessage<?>> after = readAll(timed, last);
        assertThat(after).hasSize(1);
        assertThat(((GapAwareTrackingToken) after.get(0).trackingToken()).hasGaps()).isFalse();
    }

    @Test
    @DisplayName("an oversized event is refused with a clear error and nothing is written")
    void oversizedEvent() {
        MongoLedgerEngine small = mongo.engine(LedgerSettings.defaults().withMaxEventBytes(2_000));
        String huge = "x".repeat(5_000);
        DomainEventMessage<?> event = new GenericDomainEventMessage<>("Thing", newId(), 0,
                new TestEvents.SomethingHappened("id", 1, huge));
        assertThatThrownBy(() -> small.appendEvents(List.of(event)))
                .isInstanceOf(EventTooLargeException.class)
                .hasMessageContaining("at most 2000")
                .hasMessageNotContaining("xxxx");
        assertThat(mongo.database().getCollection(LedgerSchema.EVENTS).countDocuments()).isZero();
    }

    @Test
    @DisplayName("head and time tokens point at the newest commit and at the first commit stored after an instant")
    void headAndTimeTokens() throws Exception {
        assertThat(engine.createHeadToken()).isNull();
        engine.appendEvents(commit(newId(), 0, 2, "kent"));
        Thread.sleep(20);
        java.time.Instant between = java.time.Instant.now();
        Thread.sleep(20);
        engine.appendEvents(commit(newId(), 0, 1, "kent"));
        assertThat(((GapAwareTrackingToken) engine.createHeadToken()).getIndex()).isEqualTo(3L);
        assertThat(((GapAwareTrackingToken) engine.createTokenAt(between)).getIndex()).isEqualTo(2L);
        assertThat(engine.createTokenAt(java.time.Instant.EPOCH)).isNull();
    }

    @Test
    @DisplayName("a long stream is read whole from any starting sequence, across key windows, read batches and multi-event commits")
    void longStreamFromEveryStart() {
        MongoLedgerEngine small = MongoLedgerEngine.builder()
                .database(mongo.database())
                .eventSerializer(TestEvents.serializer())
                .snapshotSerializer(TestEvents.serializer())
                .batchSize(37)
                .build();
        String a = newId();
        int[] commitSizes = {1, 2, 3, 5, 8, 13, 21, 1, 1, 34};
        long next = 0;
        for (int i = 0; next < 700; i++) {
            int size = (int) Math.min(commitSizes[i % commitSizes.length], 700 - next);
            engine.appendEvents(commit(a, next, size, "kent"));
            engine.appendEvents(commit(newId(), 0, 1, "kent")); // other streams in between
            next += size;
        }
        for (MongoLedgerEngine reader : List.of(engine, small)) {
            for (long start = 0; start <= 700; start += reader == engine ? 23 : 7) {
                List<Long> sequences = new ArrayList<>();
                reader.readEvents(a, start).forEachRemaining(e -> sequences.add(e.getSequenceNumber()));
                assertThat(sequences).as("read from %d", start).hasSize((int) (700 - start));
                for (int i = 0; i < sequences.size(); i++) {
                    assertThat(sequences.get(i)).isEqualTo(start + i);
                }
            }
            assertThat(reader.lastSequenceNumberFor(a)).contains(699L);
        }
    }

    @Test
    @DisplayName("a short stream is read with one small query, and the look-back runs only when the first wanted event is inside an earlier commit")
    void aggregateReadsAskForFewKeys() {
        List<Integer> keysPerQuery = new java.util.concurrent.CopyOnWriteArrayList<>();
        MongoLedgerEngine counted = MongoLedgerEngine.builder()
                .database(mongo.database(new com.mongodb.event.CommandListener() {
                    @Override
                    public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                        org.bson.BsonDocument command = event.getCommand();
                        if (event.getCommandName().equals("find")
                                && command.getString("find").getValue().equals(LedgerSchema.EVENTS)
                                && command.getDocument("filter").containsKey(LedgerSchema.STREAM_KEYS)) {
                            keysPerQuery.add(command.getDocument("filter").getDocument(LedgerSchema.STREAM_KEYS)
                                    .getArray("$in").size());
                        }
                    }
                }))
                .eventSerializer(TestEvents.serializer())
                .snapshotSerializer(TestEvents.serializer())
                .build();
        String a = newId();
        engine.appendEvents(commit(a, 0, 1, "kent"));
        engine.appendEvents(commit(a, 1, 4, "kent"));
        engine.appendEvents(commit(a, 5, 1, "kent"));

        counted.readEvents(a, 0).forEachRemaining(e -> { });
        assertThat(keysPerQuery).containsExactly(MongoLedgerEngine.FIRST_AGGREGATE_WINDOW);

        keysPerQuery.clear();
        List<Long> fromFive = new ArrayList<>();
        counted.readEvents(a, 5).forEachRemaining(e -> fromFive.add(e.getSequenceNumber()));
        assertThat(fromFive).containsExactly(5L);
        assertThat(keysPerQuery).as("sequence 5 starts a commit: no look-back").hasSize(1);

        keysPerQuery.clear();
        List<Long> fromThree = new ArrayList<>();
        counted.readEvents(a, 3).forEachRemaining(e -> fromThree.add(e.getSequenceNumber()));
        assertThat(fromThree).containsExactly(3L, 4L, 5L);
        assertThat(keysPerQuery).as("sequence 3 is inside the commit that starts at 1").containsExactly(
                MongoLedgerEngine.FIRST_AGGREGATE_WINDOW, 3);
    }

    @Test
    @DisplayName("a long stream is read in windows that widen but never exceed the cap")
    void windowsWidenUpToTheCap() {
        List<Integer> keysPerQuery = new java.util.concurrent.CopyOnWriteArrayList<>();
        MongoLedgerEngine counted = MongoLedgerEngine.builder()
                .database(mongo.database(new com.mongodb.event.CommandListener() {
                    @Override
                    public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                        org.bson.BsonDocument command = event.getCommand();
                        if (event.getCommandName().equals("find")
                                && command.getDocument("filter").containsKey(LedgerSchema.STREAM_KEYS)) {
                            keysPerQuery.add(command.getDocument("filter").getDocument(LedgerSchema.STREAM_KEYS)
                                    .getArray("$in").size());
                        }
                    }
                }))
                .eventSerializer(TestEvents.serializer())
                .snapshotSerializer(TestEvents.serializer())
                .batchSize(500)
                .build();
        String a = newId();
        for (int first = 0; first < 600; first += 100) {
            engine.appendEvents(commit(a, first, 100, "kent"));
        }
        List<Long> sequences = new ArrayList<>();
        counted.readEvents(a, 0).forEachRemaining(e -> sequences.add(e.getSequenceNumber()));
        assertThat(sequences).hasSize(600);
        assertThat(keysPerQuery).allSatisfy(keys -> assertThat(keys).isLessThanOrEqualTo(MongoLedgerEngine.MAX_AGGREGATE_WINDOW));
        assertThat(keysPerQuery.get(0)).isEqualTo(MongoLedgerEngine.FIRST_AGGREGATE_WINDOW);
    }

    @Test
    @DisplayName("a token inside a multi-event commit (a processor's batch ended there) resumes with the rest of that commit at once")
    void resumesInsideACommit() {
        String a = newId();
        engine.appendEvents(commit(a, 0, 3, "kent"));
        engine.appendEvents(commit(newId(), 0, 1, "kent"));
        List<TrackedEventMessage<?>> all = readAll(engine, null);
        assertThat(all).hasSize(4);

        List<TrackedEventMessage<?>> rest = readAll(engine, all.get(0).trackingToken());
        assertThat(rest).extracting(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex()).containsExactly(2L, 3L, 4L);
        assertThat(rest).extracting(e -> ((GapAwareTrackingToken) e.trackingToken()).hasGaps()).containsOnly(false);
        assertThat(readAll(engine, all.get(1).trackingToken())).hasSize(2);
        assertThat(readAll(engine, all.get(3).trackingToken())).isEmpty();
    }

    @Test
    @DisplayName("a stored document of an unknown shape gives a clear error when read, not a hang")
    void corruptDocument() {
        mongo.database().getCollection(LedgerSchema.COUNTERS).updateOne(Filters.eq("_id", LedgerSchema.POSITION_COUNTER),
                Updates.inc(LedgerSchema.COUNTER_VALUE, 1L), new com.mongodb.client.model.UpdateOptions().upsert(true));
        mongo.database().getCollection(LedgerSchema.EVENTS).insertOne(new Document("_id", 1L).append("last", 1L)
                .append(LedgerSchema.STREAM_KEYS, List.of("x/0")).append(LedgerSchema.EVENT_LIST, "not a list"));
        assertThatThrownBy(() -> readAll(engine, null)).isInstanceOf(RuntimeException.class);
    }
}
