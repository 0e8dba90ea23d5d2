package org.roundtable.ledger.seal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Seals and verifies 100,000 events on the embedded memory backend and prints how long that took (no time is asserted). */
class VerificationSpeedTest {

    private static final int EVENTS = 100_000;

    @Test
    void sealsAndVerifiesAHundredThousandEvents() {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoDatabase database = client.getDatabase("roundtable");
            int[] sizes = new int[EVENTS];
            int written = 0;
            int commits = 0;
            while (written < EVENTS) {
                int size = Math.min(1 + commits % 2, EVENTS - written); // single- and two-event commits
                sizes[commits++] = size;
                written += size;
            }
            new RawLedger(database).appendMany(1, java.util.Arrays.copyOf(sizes, commits));

            long sealStart = System.nanoTime();
            ChainHead head = new Sealer(database).sealAvailable();
            Duration sealing = Duration.ofNanos(System.nanoTime() - sealStart);
            long verifyStart = System.nanoTime();
            VerificationResult result = new Verifier(database).verifyAll();
            Duration verifying = Duration.ofNanos(System.nanoTime() - verifyStart);
            long againStart = System.nanoTime();
            VerificationResult again = new Verifier(database).verifyAll();
            Duration verifyingAgain = Duration.ofNanos(System.nanoTime() - againStart);

            System.out.printf("[ledger speed] %,d events in %,d commits, memory backend: sealAvailable %d ms,"
                            + " verifyAll %d ms (first run), %d ms (second run)%n",
                    EVENTS, commits, sealing.toMillis(), verifying.toMillis(), verifyingAgain.toMillis());
            assertThat(again).isEqualTo(result);
            assertThat(head.position()).isEqualTo(EVENTS);
            assertThat(result.ok()).as(result.detail()).isTrue();
            assertThat(result.verifiedThrough()).isEqualTo(EVENTS);
        } finally {
            server.shutdownNow();
        }
    }
}
