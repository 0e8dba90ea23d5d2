package org.roundtable.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReadModelWaitTest {

    @Test
    @DisplayName("answers as soon as the read model shows the version, and gives up when the limit passes")
    void waitsForTheVersion() {
        AtomicInteger asked = new AtomicInteger();
        AtomicLong version = new AtomicLong(0);
        boolean caughtUp = ReadModelWait.untilVersion(() -> {
            if (asked.incrementAndGet() == 3) {
                version.set(5);
            }
            return asked.get() == 1 ? null : version.get();
        }, 5, Duration.ofSeconds(5));
        assertThat(caughtUp).isTrue();
        assertThat(asked.get()).isEqualTo(3);

        long start = System.nanoTime();
        assertThat(ReadModelWait.untilVersion(() -> 1L, 2, Duration.ofMillis(60))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(55));
    }
}
