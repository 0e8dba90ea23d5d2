package org.roundtable.ledger.crypto;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.crypto.SecretKey;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * One AES-256 data key per data subject, kept in {@value #COLLECTION} wrapped by the {@link MasterKey}
 * (AES-GCM, associated data = the subject id, so a wrapped key cannot be moved to another subject).
 *
 * <p>Erasing a subject replaces its document by a tombstone without key material: everything ever
 * encrypted for the subject becomes unreadable at once, and no new key is issued for it. Unwrapped keys
 * are cached for a short time only, so an erasure made by another instance takes effect within
 * {@link #DEFAULT_CACHE_TTL} everywhere.
 */
public class SubjectKeyStore {

    public static final String COLLECTION = "ledger_subject_keys";
    public static final String KEY = "key";
    public static final String CREATED_AT = "createdAt";
    public static final String ERASED_AT = "erasedAt";
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(60);
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    private final MongoCollection<Document> keys;
    private final SecretKey masterKey;
    private final long cacheTtlNanos;
    private final int cacheSize;
    private final LongSupplier nanoTime;
    private final Map<String, Cached> cache;

    public SubjectKeyStore(MongoDatabase database, MasterKey masterKey) {
        this(database, masterKey, DEFAULT_CACHE_TTL, DEFAULT_CACHE_SIZE);
    }

    public SubjectKeyStore(MongoDatabase database, MasterKey masterKey, Duration cacheTtl, int cacheSize) {
        this(database, masterKey, cacheTtl, cacheSize, System::nanoTime);
    }

    SubjectKeyStore(MongoDatabase database, MasterKey masterKey, Duration cacheTtl, int cacheSize, LongSupplier nanoTime) {
        this.keys = database.getCollection(COLLECTION);
        this.masterKey = Objects.requireNonNull(masterKey, "masterKey").secretKey();
        this.cacheTtlNanos = cacheTtl.toNanos();
        this.cacheSize = cacheSize;
        this.nanoTime = nanoTime;
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > SubjectKeyStore.this.cacheSize;
            }
        };
    }

    /**
     * The subject's key for encrypting, created on first use.
     *
     * @throws SubjectErasedException when the subject has been erased
     */
    public SecretKey keyFor(String subjectId) {
        requireSubject(subjectId);
        Optional<KeyState> cached = cached(subjectId);
        KeyState state = cached.isPresent() ? cached.get() : load(subjectId);
        if (state.erased()) {
            throw new SubjectErasedException(subjectId);
        }
        if (state.key() != null) {
            return state.key();
        }
        return create(subjectId);
    }

    /**
     * The subject's key for decrypting: empty when the subject has been erased (or never had a key),
     * never creates one.
     */
    public Optional<SecretKey> readableKey(String subjectId) {
        requireSubject(subjectId);
        KeyState state = cached(subjectId).orElseGet(() -> load(subjectId));
        return Optional.ofNullable(state.key());
    }

    public boolean isErased(String subjectId) {
        requireSubject(subjectId);
        return cached(subjectId).orElseGet(() -> load(subjectId)).erased();
    }

    /**
     * Deletes the subject's key for good. Idempotent; erasing a subject that never had a key still
     * prevents one from being created later.
     */
    public void erase(String subjectId) {
        requireSubject(subjectId);
        Document tombstone = new Document("_id", subjectId).append(ERASED_AT, Date.from(Instant.now()));
        keys.replaceOne(Filters.eq("_id", subjectId), tombstone, new ReplaceOptions().upsert(true));
        remember(subjectId, KeyState.ERASED);
    }

    /** What the store holds for a subject, read from the database (not the cache), compared with a given key. */
    public enum Holding { NOTHING, SAME_KEY, OTHER_KEY, ERASED }

    /** Compares what is stored for the subject with {@code key}, for a transfer to check before it writes anything. */
    public Holding holding(String subjectId, SecretKey key) {
        requireSubject(subjectId);
        Document doc = keys.find(Filters.eq("_id", subjectId)).first();
        if (doc == null) {
            return Holding.NOTHING;
        }
        if (doc.containsKey(ERASED_AT) || !doc.containsKey(KEY)) {
            return Holding.ERASED;
        }
        byte[] stored = Aead.decrypt(masterKey, doc.get(KEY, Binary.class).getData(), subjectId);
        return MessageDigest.isEqual(stored, key.getEncoded()) ? Holding.SAME_KEY : Holding.OTHER_KEY;
    }

    /**
     * Takes over a subject's key from another instance (wrapped here with this store's master key), so the
     * personal data encrypted there reads here. Idempotent for the same key.
     *
     * @throws LedgerCryptoException when the subject is erased here or holds another key
     */
    public void adopt(String subjectId, SecretKey key) {
        requireSubject(subjectId);
        SecretKey copy = Aead.key(key.getEncoded());
        Document doc = new Document("_id", subjectId)
                .append(KEY, new Binary(Aead.encrypt(masterKey, copy.getEncoded(), subjectId)))
                .append(CREATED_AT, Date.from(Instant.now()));
        try {
            keys.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            if (holding(subjectId, copy) != Holding.SAME_KEY) {
                throw new LedgerCryptoException("Data subject " + subjectId + " already holds another key or is erased");
            }
        }
        remember(subjectId, new KeyState(copy, false));
    }

    private SecretKey create(String subjectId) {
        SecretKey key = Aead.newKey();
        byte[] wrapped = Aead.encrypt(masterKey, key.getEncoded(), subjectId);
        Document doc = new Document("_id", subjectId)
                .append(KEY, new Binary(wrapped))
                .append(CREATED_AT, Date.from(Instant.now()));
        try {
            keys.insertOne(doc);
            remember(subjectId, new KeyState(key, false));
            return key;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another writer created (or erased) the subject first: its document wins
            KeyState winner = load(subjectId);
            if (winner.erased()) {
                throw new SubjectErasedException(subjectId);
            }
            if (winner.key() == null) {
                throw new LedgerCryptoException("Key document of data subject " + subjectId + " holds neither a key nor an erasure");
            }
            return winner.key();
        }
    }

    private KeyState load(String subjectId) {
        Document doc = keys.find(Filters.eq("_id", subjectId)).first();
        KeyState state;
        if (doc == null) {
            // absence is not cached: the key may be created by another instance any moment
            return KeyState.ABSENT;
        } else if (doc.containsKey(ERASED_AT) || !doc.containsKey(KEY)) {
            state = KeyState.ERASED;
        } else {
            byte[] raw = Aead.decrypt(masterKey, doc.get(KEY, Binary.class).getData(), subjectId);
            state = new KeyState(Aead.key(raw), false);
        }
        remember(subjectId, state);
        return state;
    }

    private Optional<KeyState> cached(String subjectId) {
        synchronized (cache) {
            Cached entry = cache.get(subjectId);
            if (entry == null) {
                return Optional.empty();
            }
            // erasure is final, so only live keys expire
            if (!entry.state().erased() && nanoTime.getAsLong() - entry.loadedAt() > cacheTtlNanos) {
                cache.remove(subjectId);
                return Optional.empty();
            }
            return Optional.of(entry.state());
        }
    }

    private void remember(String subjectId, KeyState state) {
        synchronized (cache) {
            cache.put(subjectId, new Cached(state, nanoTime.getAsLong()));
        }
    }

    private static void requireSubject(String subjectId) {
        if (subjectId == null || subjectId.isBlank()) {
            throw new IllegalArgumentException("A data subject id is required");
        }
    }

    private record KeyState(SecretKey key, boolean erased) {
        static final KeyState ERASED = new KeyState(null, true);
        static final KeyState ABSENT = new KeyState(null, false);
    }

    private record Cached(KeyState state, long loadedAt) {
    }
}
