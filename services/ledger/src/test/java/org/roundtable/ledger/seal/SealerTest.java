package org.roundtable.ledger.seal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SealerTest {

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private RawLedger ledger;
    private MongoCollection<Document> seals;
    private final AtomicLong clock = new AtomicLong();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("roundtable");
        ledger = new RawLedger(database);
        seals = database.getCollection(SealSchema.SEALS);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private Sealer sealer() {
        return new Sealer(database, SealSettings.defaults().withWindow(8), clock::get);
    }

    private Document seal(long position) {
        return seals.find(Filters.eq("_id", position)).first();
    }

    @Test
    void sealsEachCommitIntoOneChainOverEveryEvent() throws Exception {
        ledger.appendMany(1, 1, 3, 1, 2, 5, 1, 1, 1, 4);

        ChainHead head = sealer().sealAvailable();

        var expected = ledger.expectedChain();
        assertThat(head.position()).isEqualTo(19);
        assertThat(head.chain()).isEqualTo(expected.get(19L));
        assertThat(head.sealedCommits()).isEqualTo(9);
        assertThat(seals.countDocuments()).isEqualTo(9);
        Document multi = seal(2);
        assertThat(multi.getLong(SealSchema.LAST)).isEqualTo(4);
        assertThat(multi.getList(SealSchema.EVENT_HASHES, String.class)).hasSize(3);
        assertThat(multi.getString(SealSchema.CHAIN)).isEqualTo(expected.get(4L));
        assertThat(multi.getString(SealSchema.TENANT)).isEqualTo("kent");
        assertThat(seal(3)).isNull();
        assertThat(new Verifier(database).head()).isEqualTo(head);
    }

    @Test
    void waitsForAReservedCommitThatArrivesLateWithinTheGapTimeout() throws Exception {
        ledger.append(1, 1);
        ledger.reserveThrough(3); // a writer holds 2..3 and has not written yet
        ledger.append(4, 1);
        Sealer sealer = sealer();

        assertThat(sealer.sealAvailable().position()).isEqualTo(1);
        clock.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(sealer.sealAvailable().position()).isEqualTo(1);
        ledger.append(2, 2);
        ChainHead head = sealer.sealAvailable();

        assertThat(head.position()).isEqualTo(4);
        assertThat(head.chain()).isEqualTo(ledger.expectedChain().get(4L));
        assertThat(seals.countDocuments(Filters.eq(SealSchema.GAP, true))).isZero();
        assertThat(seal(2).getLong(SealSchema.LAST)).isEqualTo(3);
    }

    @Test
    void sealsAReservedPositionThatIsNeverWrittenAsAGapOnceTheTimeoutPasses() throws Exception {
        ledger.append(1, 2);
        ledger.reserveThrough(5); // a writer reserved 3..5 and crashed
        ledger.append(6, 1);
        Sealer sealer = sealer();
        String chainAfter2 = ledger.expectedChain().get(2L);

        assertThat(sealer.sealAvailable().position()).isEqualTo(2);
        clock.addAndGet(Duration.ofSeconds(10).toNanos() - 1);
        assertThat(sealer.sealAvailable().position()).isEqualTo(2);
        clock.addAndGet(1);
        ChainHead head = sealer.sealAvailable();

        assertThat(head.position()).as("the whole crashed batch times out together").isEqualTo(6);
        for (long gap = 3; gap <= 5; gap++) {
            Document record = seal(gap);
            assertThat(record.getBoolean(SealSchema.GAP)).isTrue();
            assertThat(record.getLong(SealSchema.LAST)).isEqualTo(gap);
            assertThat(record.getString(SealSchema.CHAIN)).isEqualTo(chainAfter2);
        }
        assertThat(head.chain()).isEqualTo(ledger.expectedChain().get(6L));
        assertThat(head.sealedCommits()).isEqualTo(2);
    }

    @Test
    void neverSealsPositionsThatWereNotReserved() {
        ledger.appendMany(1, 2, 2);
        Sealer sealer = sealer();

        sealer.sealAvailable();
        clock.addAndGet(Duration.ofMinutes(5).toNanos());
        ChainHead head = sealer.sealAvailable();

        assertThat(head.position()).isEqualTo(4);
        assertThat(seal(5)).isNull();
    }

    @Test
    void sealsAcrossManyWindowsAndCommitsLargerThanAWindow() throws Exception {
        ledger.appendMany(1, 1, 20, 3, 1, 1, 9, 1, 30, 2);

        ChainHead head = sealer().sealAvailable();

        assertThat(head.position()).isEqualTo(68);
        assertThat(head.chain()).isEqualTo(ledger.expectedChain().get(68L));
    }

    @Test
    void continuesTheSameChainAfterARestart() throws Exception {
        long next = ledger.appendMany(1, 2, 1, 3, 1);
        sealer().sealAvailable();
        ledger.appendMany(next, 1, 4, 1);

        ChainHead head = sealer().sealAvailable();

        assertThat(head.position()).isEqualTo(13);
        assertThat(head.chain()).isEqualTo(ledger.expectedChain().get(13L));
        assertThat(head.sealedCommits()).isEqualTo(7);
        assertThat(new Verifier(database).verifyAll().ok()).isTrue();
    }

    @Test
    void adoptsSealRecordsWrittenBeforeACrashLostTheHeadUpdate() throws Exception {
        ledger.appendMany(1, 2, 1, 3, 1, 1);
        sealer().sealAvailable();
        // as if the process died after inserting seal records but before moving the head
        database.getCollection(SealSchema.STATE).updateOne(Filters.eq("_id", SealSchema.HEAD_ID),
                Updates.combine(Updates.set(SealSchema.HEAD_POSITION, 2L),
                        Updates.set(SealSchema.HEAD_CHAIN, ledger.expectedChain().get(2L)),
                        Updates.set(SealSchema.HEAD_SEALED_COMMITS, 1L)));
        ledger.append(9, 2);

        ChainHead head = sealer().sealAvailable();

        assertThat(head.position()).isEqualTo(10);
        assertThat(head.chain()).isEqualTo(ledger.expectedChain().get(10L));
        assertThat(head.sealedCommits()).isEqualTo(6);
        assertThat(seals.countDocuments()).isEqualTo(6);
    }

    @Test
    void twoSealersRacingOverALiveLedgerBuildOneConsistentChain() throws Exception {
        Sealer first = new Sealer(database, SealSettings.defaults().withWindow(16));
        Sealer second = new Sealer(database, SealSettings.defaults().withWindow(16));
        int commits = 600;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = pool.submit(() -> {
                long position = 1;
                for (int i = 0; i < commits; i++) {
                    int size = 1 + i % 3;
                    ledger.append(position, size);
                    position += size;
                }
                return position - 1;
            });
            List<Future<?>> sealers = new ArrayList<>();
            for (Sealer sealer : List.of(first, second)) {
                sealers.add(pool.submit(() -> {
                    while (!writer.isDone() || sealer.sealAvailable().position() < (Long) writer.get()) {
                        sealer.sealAvailable();
                    }
                    return null;
                }));
            }
            long last = (Long) writer.get();
            for (Future<?> sealer : sealers) {
                sealer.get();
            }

            assertThat(last).isEqualTo(1200);
            ChainHead head = new Verifier(database).head();
            assertThat(head.position()).isEqualTo(last);
            assertThat(head.chain()).isEqualTo(ledger.expectedChain().get(last));
            assertThat(head.sealedCommits()).isEqualTo(commits);
            assertThat(seals.countDocuments()).isEqualTo(commits);
            assertThat(new Verifier(database).verifyAll().ok()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sealsInTheBackgroundWhenWokenAfterAnAppend() throws Exception {
        // polls only every 30 s, so sealing within the deadline below takes the wake-up
        Sealer sealer = new Sealer(database, new SealSettings(1, 500, Duration.ofSeconds(10), Duration.ofSeconds(30)));
        ledger.append(1, 1);
        sealer.start();
        try {
            await(() -> sealer.head().position() == 1, Duration.ofSeconds(10));
            ledger.appendMany(2, 2, 3);
            sealer.wake();

            await(() -> sealer.head().position() == 6, Duration.ofSeconds(10));

            assertThat(sealer.head().chain()).isEqualTo(ledger.expectedChain().get(6L));
        } finally {
            sealer.stop();
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
