package org.roundtable.ledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKey;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubjectKeyStoreTest {

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private final MasterKey masterKey = MasterKey.generate();

    @BeforeEach
    void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("roundtable");
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void createsOneKeyPerSubjectOnFirstUseAndReturnsItAfterwards() {
        SubjectKeyStore store = new SubjectKeyStore(database, masterKey);

        SecretKey first = store.keyFor("p-1");
        SecretKey again = store.keyFor("p-1");
        SecretKey other = store.keyFor("p-2");

        assertThat(again.getEncoded()).isEqualTo(first.getEncoded());
        assertThat(other.getEncoded()).isNotEqualTo(first.getEncoded());
        assertThat(new SubjectKeyStore(database, masterKey).keyFor("p-1").getEncoded()).isEqualTo(first.getEncoded());
    }

    @Test
    void storesTheKeyOnlyWrappedByTheMasterKey() {
        SecretKey key = new SubjectKeyStore(database, masterKey).keyFor("p-1");

        Document stored = database.getCollection(SubjectKeyStore.COLLECTION).find(Filters.eq("_id", "p-1")).first();

        byte[] wrapped = stored.get(SubjectKeyStore.KEY, Binary.class).getData();
        assertThat(wrapped).hasSize(Aead.IV_BYTES + 32 + Aead.TAG_BITS / 8);
        assertThat(new String(wrapped, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(key.getEncoded(), java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(stored.get(SubjectKeyStore.CREATED_AT)).isNotNull();
    }

    @Test
    void refusesToUnwrapKeysWithAnotherMasterKey() {
        new SubjectKeyStore(database, masterKey).keyFor("p-1");

        SubjectKeyStore wrongMaster = new SubjectKeyStore(database, MasterKey.generate());

        assertThatThrownBy(() -> wrongMaster.readableKey("p-1")).isInstanceOf(LedgerCryptoException.class);
    }

    @Test
    void agreesOnOneKeyWhenManyWritersCreateItAtOnce() throws Exception {
        List<SubjectKeyStore> instances = List.of(new SubjectKeyStore(database, masterKey), new SubjectKeyStore(database, masterKey));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<byte[]>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                SubjectKeyStore store = instances.get(i % 2);
                calls.add(() -> store.keyFor("racy").getEncoded());
            }
            List<byte[]> keys = new ArrayList<>();
            for (Future<byte[]> future : pool.invokeAll(calls)) {
                keys.add(future.get());
            }
            assertThat(keys).allSatisfy(key -> assertThat(key).isEqualTo(keys.get(0)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void erasureLeavesNoKeyMaterialAndRefusesNewKeys() {
        SubjectKeyStore store = new SubjectKeyStore(database, masterKey);
        store.keyFor("p-1");

        store.erase("p-1");

        Document stored = database.getCollection(SubjectKeyStore.COLLECTION).find(Filters.eq("_id", "p-1")).first();
        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", SubjectKeyStore.ERASED_AT);
        assertThat(store.isErased("p-1")).isTrue();
        assertThat(store.readableKey("p-1")).isEmpty();
        assertThatThrownBy(() -> store.keyFor("p-1"))
                .isInstanceOf(SubjectErasedException.class)
                .hasMessageContaining("erased");
        assertThat(new SubjectKeyStore(database, masterKey).readableKey("p-1")).isEmpty();
    }

    @Test
    void erasingASubjectThatNeverHadAKeyStillPreventsOne() {
        SubjectKeyStore store = new SubjectKeyStore(database, masterKey);

        store.erase("never-keyed");

        assertThat(store.isErased("never-keyed")).isTrue();
        assertThatThrownBy(() -> new SubjectKeyStore(database, masterKey).keyFor("never-keyed"))
                .isInstanceOf(SubjectErasedException.class);
    }

    @Test
    void anotherInstancesErasureTakesEffectOnceTheCachedKeyExpires() {
        AtomicLong now = new AtomicLong();
        SubjectKeyStore here = new SubjectKeyStore(database, masterKey, Duration.ofSeconds(60), 100, now::get);
        SubjectKeyStore elsewhere = new SubjectKeyStore(database, masterKey);
        here.keyFor("p-1");

        elsewhere.erase("p-1");

        assertThat(here.readableKey("p-1")).as("still cached").isPresent();
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(here.readableKey("p-1")).isEmpty();
        assertThatThrownBy(() -> here.keyFor("p-1")).isInstanceOf(SubjectErasedException.class);
    }

    @Test
    void knowsNothingIsErasedForAnUnknownSubject() {
        SubjectKeyStore store = new SubjectKeyStore(database, masterKey);

        assertThat(store.isErased("unknown")).isFalse();
        assertThat(store.readableKey("unknown")).isEmpty();
        assertThat(database.getCollection(SubjectKeyStore.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfKeysInMemory() {
        SubjectKeyStore store = new SubjectKeyStore(database, masterKey, Duration.ofSeconds(60), 2);
        byte[] first = store.keyFor("a").getEncoded();
        store.keyFor("b");
        store.keyFor("c");

        // "a" was evicted from the cache; its erasure by the store itself is seen regardless
        assertThat(store.keyFor("a").getEncoded()).isEqualTo(first);
        store.erase("a");
        assertThat(store.readableKey("a")).isEmpty();
    }
}
