package org.roundtable.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SkewedWritersTest {

    @Test
    @DisplayName("two writers with clocks 4 s apart: one tracking reader gets every event exactly once, in position order")
    void everyEventOnceInOrder() throws Exception {
        try (MongoFixture mongo = new MongoFixture()) {
            Clock base = Clock.systemUTC();
            MongoLedgerEngine ahead = MongoLedgerEngine.builder().database(mongo.database())
                    .wallClock(Clock.offset(base, Duration.ofSeconds(2)))
                    .eventSerializer(TestEvents.serializer()).build();
            MongoLedgerEngine behind = MongoLedgerEngine.builder().database(mongo.database())
                    .wallClock(Clock.offset(base, Duration.ofSeconds(-2)))
                    .eventSerializer(TestEvents.serializer()).build();
            MongoLedgerEngine reader = mongo.engine();

            int commitsPerWriter = 300;
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> writers = new ArrayList<>();
            for (MongoLedgerEngine writer : List.of(ahead, behind)) {
                Thread thread = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < commitsPerWriter; i++) {
                        // alternate single and multi-event commits
                        writer.appendEvents(TestEvents.commit(TestEvents.newId(), 0, 1 + (i % 3), "kent"));
                    }
                });
                thread.start();
                writers.add(thread);
            }
            int expected = 2 * (commitsPerWriter / 3) * (1 + 2 + 3);

            List<Long> positions = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            AtomicBoolean duplicate = new AtomicBoolean();
            TrackingToken token = null;
            go.countDown();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (positions.size() < expected && System.nanoTime() < deadline) {
                List<? extends TrackedEventMessage<?>> batch = reader.readEvents(token, false).toList();
                for (TrackedEventMessage<?> event : batch) {
                    positions.add(((GapAwareTrackingToken) event.trackingToken()).getIndex());
                    if (!ids.add(event.getIdentifier())) {
                        duplicate.set(true);
                    }
                    token = event.trackingToken();
                }
                if (batch.isEmpty()) {
                    Thread.onSpinWait();
                }
            }
            for (Thread writer : writers) {
                writer.join();
            }
            assertThat(duplicate).isFalse();
            assertThat(positions).hasSize(expected);
            for (int i = 0; i < positions.size(); i++) {
                assertThat(positions.get(i)).isEqualTo(i + 1L);
            }
            assertThat(((GapAwareTrackingToken) token).hasGaps()).isFalse();
        }
    }
}
