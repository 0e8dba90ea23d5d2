package org.roundtable.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.ledger.store.TestEvents.commit;
import static org.roundtable.ledger.store.TestEvents.newId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LedgerMessageSourceTest {

    private MongoFixture mongo;
    private MongoLedgerEngine engine;
    private LedgerMessageSource source;

    @BeforeEach
    void start() {
        mongo = new MongoFixture();
        engine = MongoLedgerEngine.builder()
                .database(mongo.database())
                .eventSerializer(TestEvents.serializer())
                .batchSize(3) // several reads per test
                .build();
        source = new LedgerMessageSource(engine, Duration.ofMillis(50));
    }

    @AfterEach
    void stop() {
        source.close();
        mongo.close();
    }

    private static void await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.onSpinWait();
        }
    }

    private static long index(TrackedEventMessage<?> event) {
        return ((GapAwareTrackingToken) event.trackingToken()).getIndex();
    }

    @Test
    @DisplayName("a stream delivers every event in ledger order, one engine read at a time")
    void deliversInOrder() throws Exception {
        for (int i = 0; i < 4; i++) {
            engine.appendEvents(commit(newId(), 0, 2, "kent"));
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            List<Long> positions = new ArrayList<>();
            while (stream.hasNextAvailable()) {
                assertThat(stream.peek()).isPresent();
                positions.add(index(stream.nextAvailable()));
            }
            assertThat(positions).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        }
        try (BlockingStream<TrackedEventMessage<?>> fromFive = source.openStream(GapAwareTrackingToken.newInstance(5, List.of()))) {
            assertThat(fromFive.hasNextAvailable()).isTrue();
            assertThat(index(fromFive.nextAvailable())).isEqualTo(6L);
        }
    }

    @Test
    @DisplayName("a caught-up stream accepts an availability callback and calls it when this JVM appends")
    void callbackOnLocalAppend() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(stream.hasNextAvailable()).isFalse();
            CountDownLatch called = new CountDownLatch(1);
            assertThat(stream.setOnAvailableCallback(called::countDown)).isTrue();

            engine.appendEvents(commit(newId(), 0, 1, "kent"));

            assertThat(called.getCount()).as("called during the append, before it returned").isZero();
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(index(stream.nextAvailable())).isEqualTo(1L);
        }
    }

    @Test
    @DisplayName("a reader waiting in hasNextAvailable wakes as soon as an event is committed, not at its timeout")
    void waitingReaderWakesOnAppend() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            AtomicLong returnedAt = new AtomicLong();
            AtomicBoolean available = new AtomicBoolean();
            Thread reader = new Thread(() -> {
                try {
                    available.set(stream.hasNextAvailable(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                returnedAt.set(System.nanoTime());
            });
            reader.start();
            await(() -> reader.getState() == Thread.State.TIMED_WAITING, Duration.ofSeconds(10));

            long appendedAt = System.nanoTime();
            engine.appendEvents(commit(newId(), 0, 1, "kent"));
            reader.join(30_000);

            long wokeAfterMs = (returnedAt.get() - appendedAt) / 1_000_000;
            System.out.println("a waiting reader returned " + wokeAfterMs + " ms after the append began");
            assertThat(available).isTrue();
            assertThat(wokeAfterMs).isLessThan(5_000);
        }
    }

    @Test
    @DisplayName("a commit by another instance is noticed by the poll of the position counter and calls back")
    void callbackOnAnotherInstancesAppend() throws Exception {
        MongoLedgerEngine otherInstance = mongo.engine();
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(stream.hasNextAvailable()).isFalse();
            AtomicInteger calls = new AtomicInteger();
            stream.setOnAvailableCallback(calls::incrementAndGet);

            long start = System.nanoTime();
            otherInstance.appendEvents(commit(newId(), 0, 1, "kent"));
            await(() -> calls.get() > 0, Duration.ofSeconds(10));
            System.out.println("another instance's commit noticed after " + (System.nanoTime() - start) / 1_000_000 + " ms");

            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(index(stream.nextAvailable())).isEqualTo(1L);
        }
    }

    @Test
    @DisplayName("closing a stream releases its callback: later appends do not call it, and the source forgets the stream")
    void closeReleasesCallback() throws Exception {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger calls = new AtomicInteger();
        stream.setOnAvailableCallback(calls::incrementAndGet);
        assertThat(source.openStreams()).isEqualTo(1);

        stream.close();
        engine.appendEvents(commit(newId(), 0, 1, "kent"));

        assertThat(calls.get()).isZero();
        assertThat(source.openStreams()).isZero();
        assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    @DisplayName("tail, head and time tokens are the engine's")
    void tokensAreTheEngines() throws Exception {
        engine.appendEvents(commit(newId(), 0, 2, "kent"));
        java.time.Instant between = java.time.Instant.now();
        await(() -> java.time.Instant.now().isAfter(between), Duration.ofSeconds(1));
        engine.appendEvents(commit(newId(), 0, 1, "kent"));

        assertThat(source.createTailToken()).isEqualTo(engine.createTailToken());
        assertThat(source.createHeadToken()).isEqualTo(engine.createHeadToken());
        assertThat(source.createHeadToken()).isEqualTo(GapAwareTrackingToken.newInstance(3, List.of()));
        assertThat(source.createTokenAt(between)).isEqualTo(engine.createTokenAt(between));
    }
}
