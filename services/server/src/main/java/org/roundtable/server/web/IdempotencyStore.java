package org.roundtable.server.web;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.bson.types.Binary;
import org.roundtable.server.config.RoundtableProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The first answer to each {@code (tenantId, Idempotency-Key)} in the {@code idempotency_records}
 * collection. A key is claimed by inserting its record (unique {@code _id}), so two concurrent
 * requests cannot both run; records expire after the configured time (TTL index, and checked on
 * read because not every store enforces TTL).
 */
@Component
public class IdempotencyStore implements InitializingBean {

    public static final String COLLECTION = "idempotency_records";
    private static final String IN_FLIGHT = "in-flight";
    private static final String COMPLETED = "completed";
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

    /** What a request with a key may do. */
    public sealed interface Claim {
    }

    /** The key is new: run the request and report its outcome. */
    public record Started() implements Claim {
    }

    /** The key answered before: replay this. */
    public record Replay(StoredResponse response) implements Claim {
    }

    /** The key's first request is still running. */
    public record InFlight() implements Claim {
    }

    /** The key was used for a different request. */
    public record Mismatch() implements Claim {
    }

    /** A stored answer: status, the headers worth replaying, and the body. */
    public record StoredResponse(int status, Map<String, String> headers, byte[] body) {
    }

    private final MongoTemplate mongo;
    private final Duration ttl;
    private final Duration inFlightTimeout;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    @Autowired
    public IdempotencyStore(MongoTemplate mongo, RoundtableProperties properties) {
        this(mongo, properties.getApi().getIdempotencyTtl(), properties.getApi().getIdempotencyInFlightTimeout(),
                Clock.systemUTC());
    }

    IdempotencyStore(MongoTemplate mongo, Duration ttl, Duration inFlightTimeout, Clock clock) {
        this.mongo = mongo;
        this.ttl = ttl;
        this.inFlightTimeout = inFlightTimeout;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("key", Sort.Direction.ASC)
                .unique().named("tenant_key"));
        indexes.createIndex(new Index().on("createdAt", Sort.Direction.ASC).expire(ttl).named("expiry"));
    }

    public Claim claim(String tenantId, String key, String fingerprint) {
        purgeExpiredNowAndThen();
        // a few rounds: an expired or abandoned record is removed and the insert tried again
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = clock.instant();
            try {
                collection().insertOne(new Document("_id", id(tenantId, key))
                        .append("tenantId", tenantId)
                        .append("key", key)
                        .append("fingerprint", fingerprint)
                        .append("state", IN_FLIGHT)
                        .append("createdAt", Date.from(now)));
                return new Started();
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document existing = collection().find(Filters.eq("_id", id(tenantId, key))).first();
            if (existing == null) {
                continue;
            }
            Instant created = existing.getDate("createdAt").toInstant();
            boolean inFlight = IN_FLIGHT.equals(existing.getString("state"));
            boolean stale = created.plus(inFlight ? inFlightTimeout : ttl).isBefore(now);
            if (stale) {
                collection().deleteOne(Filters.and(Filters.eq("_id", id(tenantId, key)),
                        Filters.eq("createdAt", existing.getDate("createdAt"))));
                continue;
            }
            if (!fingerprint.equals(existing.getString("fingerprint"))) {
                return new Mismatch();
            }
            if (inFlight) {
                return new InFlight();
            }
            Map<String, String> headers = new LinkedHashMap<>();
            Document storedHeaders = existing.get("headers", Document.class);
            if (storedHeaders != null) {
                storedHeaders.forEach((name, value) -> headers.put(name, String.valueOf(value)));
            }
            Binary body = existing.get("body", Binary.class);
            return new Replay(new StoredResponse(existing.getInteger("status"), headers,
                    body == null ? new byte[0] : body.getData()));
        }
        return new InFlight();
    }

    public void complete(String tenantId, String key, StoredResponse response) {
        collection().updateOne(Filters.eq("_id", id(tenantId, key)), Updates.combine(
                Updates.set("state", COMPLETED),
                Updates.set("status", response.status()),
                Updates.set("headers", new Document(new LinkedHashMap<>(response.headers()))),
                Updates.set("body", new Binary(response.body()))));
    }

    /** Forgets an unfinished claim, so that a retry runs the request again. */
    public void release(String tenantId, String key) {
        collection().deleteOne(Filters.and(Filters.eq("_id", id(tenantId, key)), Filters.eq("state", IN_FLIGHT)));
    }

    /** The TTL index does the work on MongoDB; the embedded store ignores it, so expired records are also purged here. */
    private void purgeExpiredNowAndThen() {
        Instant now = clock.instant();
        Instant last = lastPurge.get();
        if (last.plus(PURGE_INTERVAL).isBefore(now) && lastPurge.compareAndSet(last, now)) {
            collection().deleteMany(Filters.lt("createdAt", Date.from(now.minus(ttl))));
        }
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /** A tenant id never contains a colon, so this is unambiguous. */
    private static String id(String tenantId, String key) {
        return tenantId + ":" + key;
    }
}
