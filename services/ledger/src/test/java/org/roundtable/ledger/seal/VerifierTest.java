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
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.ledger.store.LedgerSchema;

class VerifierTest {

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private RawLedger ledger;
    private MongoCollection<Document> events;
    private MongoCollection<Document> seals;
    private Verifier verifier;
    private final AtomicLong clock = new AtomicLong();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("roundtable");
        ledger = new RawLedger(database);
        events = ledger.events();
        seals = database.getCollection(SealSchema.SEALS);
        verifier = new Verifier(database, SealSettings.defaults().withWindow(8));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    /**
     * Commits 1 (1 event), 2..4, a gap at 5..6, 7, 8..9, a gap at 10, 11..15, then 16..40 in small commits.
     */
    private ChainHead sealedLedgerWithGaps() {
        ledger.append(1, 1);
        ledger.append(2, 3);
        ledger.reserveThrough(6);
        ledger.append(7, 1);
        ledger.append(8, 2);
        ledger.reserveThrough(10);
        ledger.append(11, 5);
        ledger.appendMany(16, 1, 2, 3, 4, 5, 1, 2, 3, 4);
        Sealer sealer = new Sealer(database, SealSettings.defaults().withWindow(8), clock::get);
        ChainHead head = sealer.sealAvailable();
        // each gap is timed from when the sealer first sees it missing
        for (int round = 0; round < 2; round++) {
            clock.addAndGet(Duration.ofSeconds(11).toNanos());
            head = sealer.sealAvailable();
        }
        assertThat(head.position()).isEqualTo(40);
        return head;
    }

    private void setEvent(long commit, int index, String field, Object value) {
        events.updateOne(Filters.eq("_id", commit), Updates.set(LedgerSchema.EVENT_LIST + "." + index + "." + field, value));
    }

    private Document event(long commit, int index) {
        return events.find(Filters.eq("_id", commit)).first().getList(LedgerSchema.EVENT_LIST, Document.class).get(index);
    }

    @Test
    void acceptsAnUntouchedLedgerWithGapsAndMultiEventCommits() {
        ChainHead head = sealedLedgerWithGaps();

        VerificationResult result = verifier.verifyAll();

        assertThat(result.ok()).as(result.detail()).isTrue();
        assertThat(result.verifiedThrough()).isEqualTo(40);
        assertThat(result.chainHead()).isEqualTo(head.chain());
        assertThat(result.failurePosition()).isNull();
        assertThat(result.failureKind()).isNull();
    }

    @Test
    void findsOneChangedByteOfAStoredPayload() {
        sealedLedgerWithGaps();
        String payload = event(11, 2).getString(LedgerSchema.PAYLOAD);
        char[] chars = payload.toCharArray();
        chars[chars.length - 2] = chars[chars.length - 2] == '1' ? '2' : '1';
        setEvent(11, 2, LedgerSchema.PAYLOAD, new String(chars));

        VerificationResult result = verifier.verifyAll();

        assertThat(result.ok()).isFalse();
        assertThat(result.failureKind()).isEqualTo(FailureKind.ALTERED);
        assertThat(result.failurePosition()).isEqualTo(13);
        assertThat(result.verifiedThrough()).as("through the gap at 10").isEqualTo(10);
        assertThat(result.detail()).contains("13").doesNotContain(payload);
    }

    @Test
    void findsAChangedTimestampTenantOrNullField() {
        sealedLedgerWithGaps();
        setEvent(8, 1, LedgerSchema.PAYLOAD_REVISION, "2");

        assertThat(verifier.verifyAll()).extracting(VerificationResult::failureKind, VerificationResult::failurePosition)
                .containsExactly(FailureKind.ALTERED, 9L);
    }

    @Test
    void findsACommitMovedToAnotherTenant() {
        sealedLedgerWithGaps();
        events.updateOne(Filters.eq("_id", 7L), Updates.set(LedgerSchema.TENANT, "darmstadt"));

        assertThat(verifier.verifyAll()).extracting(VerificationResult::failureKind, VerificationResult::failurePosition)
                .containsExactly(FailureKind.ALTERED, 7L);
    }

    @Test
    void findsADeletedCommit() {
        sealedLedgerWithGaps();
        events.deleteOne(Filters.eq("_id", 8L));

        VerificationResult result = verifier.verifyAll();

        assertThat(result.failureKind()).isEqualTo(FailureKind.REMOVED);
        assertThat(result.failurePosition()).isEqualTo(8);
        assertThat(result.verifiedThrough()).isEqualTo(7);
    }

    @Test
    void findsAnEventDeletedFromTheMiddleOfACommit() {
        sealedLedgerWithGaps();
        Document commit = events.find(Filters.eq("_id", 2L)).first();
        List<Document> list = new ArrayList<>(commit.getList(LedgerSchema.EVENT_LIST, Document.class));
        list.remove(1);
        events.updateOne(Filters.eq("_id", 2L), Updates.set(LedgerSchema.EVENT_LIST, list));

        assertThat(verifier.verifyAll()).extracting(VerificationResult::failureKind, VerificationResult::failurePosition)
                .containsExactly(FailureKind.REMOVED, 3L);
    }

    @Test
    void findsACommitInsertedAtAGap() {
        sealedLedgerWithGaps();
        events.insertOne(RawLedger.commit(10, 1, "kent"));

        VerificationResult result = verifier.verifyAll();

        assertThat(result.failureKind()).isEqualTo(FailureKind.INSERTED);
        assertThat(result.failurePosition()).isEqualTo(10);
        assertThat(result.verifiedThrough()).isEqualTo(9);
    }

    @Test
    void findsACommitInsertedInsideAnotherCommitsRange() {
        sealedLedgerWithGaps();
        events.insertOne(RawLedger.commit(13, 1, "kent"));

        assertThat(verifier.verifyAll()).extracting(VerificationResult::failureKind, VerificationResult::failurePosition)
                .containsExactly(FailureKind.INSERTED, 13L);
    }

    @Test
    void findsAnEventAppendedToASealedCommit() {
        sealedLedgerWithGaps();
        events.updateOne(Filters.eq("_id", 7L), Updates.push(LedgerSchema.EVENT_LIST, RawLedger.commit(100, 1, "kent")
                .getList(LedgerSchema.EVENT_LIST, Document.class).get(0)));

        assertThat(verifier.verifyAll()).extracting(VerificationResult::failureKind, VerificationResult::failurePosition)
                .containsExactly(FailureKind.INSERTED, 100L);
    }

    @Test
    void findsSealRecordsThatNoLongerChain() {
        sealedLedgerWithGaps();
        seals.updateOne(Filters.eq("_id", 16L), Updates.set(SealSchema.CHAIN, ChainHashing.genesisHex()));

        VerificationResult result = verifier.verifyAll();

        assertThat(result.failureKind()).isEqualTo(FailureKind.CHAIN_BROKEN);
        assertThat(result.failurePosition()).isEqualTo(16);
    }

    @Test
    void findsAnEventRewrittenTogetherWithItsSealHash() {
        sealedLedgerWithGaps();
        setEvent(8, 0, LedgerSchema.PAYLOAD, "{\"forged\":true}");
        Document forged = event(8, 0);
        seals.updateOne(Filters.eq("_id", 8L), Updates.set(SealSchema.EVENT_HASHES + ".0", ChainHashing.hex(ChainHashing.eventHash(forged))));

        assertThat(verifier.verifyAll()).extracting(VerificationResult::failureKind, VerificationResult::failurePosition)
                .containsExactly(FailureKind.CHAIN_BROKEN, 8L);
    }

    @Test
    void findsADeletedSealRecordAndCommit() {
        sealedLedgerWithGaps();
        events.deleteOne(Filters.eq("_id", 19L));
        seals.deleteOne(Filters.eq("_id", 19L));

        assertThat(verifier.verifyAll()).extracting(VerificationResult::failureKind, VerificationResult::failurePosition)
                .containsExactly(FailureKind.CHAIN_BROKEN, 19L);
    }

    @Test
    void findsAHeadThatDisagreesWithTheLastSealRecord() {
        sealedLedgerWithGaps();
        database.getCollection(SealSchema.STATE).updateOne(Filters.eq("_id", SealSchema.HEAD_ID),
                Updates.set(SealSchema.HEAD_CHAIN, ChainHashing.genesisHex()));

        assertThat(verifier.verifyAll()).extracting(VerificationResult::failureKind, VerificationResult::failurePosition)
                .containsExactly(FailureKind.CHAIN_BROKEN, 40L);
    }

    @Test
    void verifiesOnlyThroughTheSealedHead() {
        sealedLedgerWithGaps();
        ledger.append(41, 2);
        events.updateOne(Filters.eq("_id", 41L), Updates.set(LedgerSchema.EVENT_LIST + ".0." + LedgerSchema.PAYLOAD, "{}"));

        VerificationResult result = verifier.verify(1, 1_000);

        assertThat(result.ok()).isTrue();
        assertThat(result.verifiedThrough()).isEqualTo(40);
    }

    @Test
    void verifiesARangeStartingInsideACommitAndIgnoresDamageBeforeIt() {
        ChainHead head = sealedLedgerWithGaps();
        setEvent(2, 0, LedgerSchema.PAYLOAD, "{}");

        VerificationResult fromThirteen = verifier.verify(13, 40);
        VerificationResult all = verifier.verifyAll();
        VerificationResult upToTwenty = verifier.verify(11, 20);

        assertThat(fromThirteen.ok()).as(fromThirteen.detail()).isTrue();
        assertThat(fromThirteen.chainHead()).isEqualTo(head.chain());
        assertThat(all.failurePosition()).isEqualTo(2);
        assertThat(upToTwenty.ok()).isTrue();
        assertThat(upToTwenty.verifiedThrough()).as("whole commits: 19..21 is one").isEqualTo(21);
    }

    @Test
    void reportsProgressUpToTheTotal() {
        sealedLedgerWithGaps();
        List<long[]> updates = new ArrayList<>();

        verifier.verifyAll((done, total) -> updates.add(new long[] {done, total}));

        assertThat(updates).isNotEmpty();
        assertThat(updates.get(updates.size() - 1)).containsExactly(40, 40);
        for (int i = 1; i < updates.size(); i++) {
            assertThat(updates.get(i)[0]).isGreaterThan(updates.get(i - 1)[0]);
        }
    }

    @Test
    void acceptsAnEmptyLedger() {
        VerificationResult result = verifier.verifyAll();

        assertThat(result.ok()).isTrue();
        assertThat(result.verifiedThrough()).isZero();
        assertThat(result.chainHead()).isEqualTo(ChainHashing.genesisHex());
        assertThat(verifier.head()).isEqualTo(new ChainHead(0, ChainHashing.genesisHex(), 0));
    }
}
