package org.roundtable.ledger.store;

import static org.roundtable.ledger.store.LedgerSchema.*;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.roundtable.kernel.MetadataKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon {@code EventStorageEngine} on MongoDB with a store-assigned global order.
 *
 * <p>Each unit of work is one commit document (see {@link LedgerSchema}); positions are reserved from
 * a counter before the insert, so readers never rely on any writer's clock. Tracking readers deliver
 * positions strictly in order: a reserved position that is not yet written holds the reader back
 * until it arrives or its gap times out (a crashed writer), after which the token records it as a
 * gap and a very late arrival is still delivered. Every query is an equality or {@code $in} lookup
 * on a unique index, which the embedded server serves without scanning.
 */
public class MongoLedgerEngine extends BatchingEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(MongoLedgerEngine.class);
    private static final int DUPLICATE_KEY = 11000;
    /** How far back an aggregate read looks for a commit that started before the wanted sequence. */
    private static final int AGGREGATE_LOOKBACK = 128;
    /** Keys in the first query for a stream: most aggregates have fewer events than this. */
    static final int FIRST_AGGREGATE_WINDOW = 16;
    /** Largest {@code $in} of stream keys in one query; larger lists cost more per key on the embedded server. */
    static final int MAX_AGGREGATE_WINDOW = 200;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> snapshots;
    private final LedgerSettings settings;
    private final LongSupplier nanoClock;
    private final java.time.Clock wallClock;
    /** When this process first saw each missing position; a gap times out relative to that. */
    private final Map<Long, Long> missingSince = new ConcurrentHashMap<>();
    /** Positions already passed as timed-out gaps (so the warning is logged once). */
    private final java.util.Set<Long> skipped = ConcurrentHashMap.newKeySet();
    private final List<LongConsumer> appendListeners = new CopyOnWriteArrayList<>();

    protected MongoLedgerEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        this.settings = builder.settings;
        this.nanoClock = builder.nanoClock;
        this.wallClock = builder.wallClock;
        this.events = database.getCollection(EVENTS).withWriteConcern(settings.writeConcern());
        this.counters = database.getCollection(COUNTERS).withWriteConcern(settings.writeConcern());
        this.snapshots = database.getCollection(SNAPSHOTS).withWriteConcern(settings.writeConcern());
        if (builder.createIndexes) {
            ensureIndexes();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Indexes every query relies on. {@code tenantId + _id} serves a tenant's history on a real MongoDB. */
    public void ensureIndexes() {
        events.createIndex(Indexes.ascending(STREAM_KEYS), new IndexOptions().unique(true).name("stream_keys"));
        events.createIndex(Indexes.ascending(TENANT, ID), new IndexOptions().name("tenant_position"));
    }

    /** Called with the last position of every commit this engine wrote (to wake the sealer, say). */
    public void onAppend(LongConsumer listener) {
        appendListeners.add(listener);
    }

    // ------------------------------------------------------------------ append

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        List<Document> entries = new ArrayList<>(messages.size());
        Map<String, Long> firstSequenceByAggregate = new LinkedHashMap<>();
        String commitTenant = null;
        long commitBytes = 0;
        for (EventMessage<?> message : messages) {
            SerializedObject<String> payload = message.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = message.serializeMetaData(serializer, String.class);
            long eventBytes = (long) payload.getData().length() + metaData.getData().length();
            if (eventBytes > settings.maxEventBytes()) {
                throw new EventTooLargeException(message.getPayloadType().getSimpleName(), eventBytes,
                        settings.maxEventBytes());
            }
            commitBytes += eventBytes;
            Object tenant = message.getMetaData().get(MetadataKeys.TENANT_ID);
            String tenantId = tenant == null ? null : tenant.toString();
            if (commitTenant == null) {
                commitTenant = tenantId;
            }
            Document entry = new Document(EVENT_ID, message.getIdentifier())
                    .append(PAYLOAD_TYPE, payload.getType().getName())
                    .append(PAYLOAD_REVISION, payload.getType().getRevision())
                    .append(TIMESTAMP, message.getTimestamp().toString())
                    .append(TENANT, tenantId)
                    .append(METADATA, metaData.getData())
                    .append(PAYLOAD, payload.getData());
            if (message instanceof DomainEventMessage<?> domain && domain.getType() != null) {
                entry.append(AGGREGATE_ID, domain.getAggregateIdentifier())
                        .append(AGGREGATE_TYPE, domain.getType())
                        .append(SEQUENCE, domain.getSequenceNumber());
                firstSequenceByAggregate.merge(domain.getAggregateIdentifier(), domain.getSequenceNumber(), Math::min);
            }
            entries.add(entry);
        }
        if (commitBytes > settings.maxCommitBytes()) {
            throw new EventTooLargeException("commit", commitBytes, settings.maxCommitBytes());
        }

        long reservedAt = nanoClock.getAsLong();
        long first = reserve(entries.size());
        long last = first + entries.size() - 1;
        List<String> keys = new ArrayList<>(firstSequenceByAggregate.size());
        firstSequenceByAggregate.forEach((aggregate, sequence) -> keys.add(streamKey(aggregate, sequence)));
        if (keys.isEmpty()) {
            // commits without aggregates still need a unique, non-colliding key
            keys.add("~" + first);
        }
        for (int i = 0; i < entries.size(); i++) {
            entries.get(i).put(POSITION, first + i);
        }
        Document commit = new Document(ID, first)
                .append(LAST, last)
                .append(TENANT, commitTenant)
                .append(STORED_AT, Date.from(wallClock.instant()))
                .append(STREAM_KEYS, keys)
                .append(EVENT_LIST, entries);

        // A writer that stalled this long may be behind a reader that already timed its gap out;
        // refusing the commit keeps "acknowledged" and "delivered to every processor" the same thing.
        long elapsed = nanoClock.getAsLong() - reservedAt;
        if (elapsed > settings.maxCommitDelay().toNanos()) {
            voidReservation(first, last);
            throw new EventStoreException("The commit at position " + first + " stalled for "
                    + Duration.ofNanos(elapsed).toMillis() + " ms and was not written; retry the command");
        }
        try {
            events.insertOne(commit);
        } catch (RuntimeException e) {
            voidReservation(first, last);
            if (e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                handlePersistenceException(write, messages.get(0));
            }
            throw new EventStoreException("Could not write the commit at position " + first, e);
        }
        for (LongConsumer listener : appendListeners) {
            listener.accept(last);
        }
    }

    /**
     * Marks reserved positions whose commit was refused as empty, so readers and the sealer pass them at
     * once instead of waiting out the gap timeout. If the commit did land after all (an ambiguous network
     * error), the marker collides with it on {@code _id} and is dropped: the commit wins.
     */
    private void voidReservation(long first, long last) {
        try {
            events.insertOne(new Document(ID, first)
                    .append(LAST, last)
                    .append(STORED_AT, Date.from(wallClock.instant()))
                    .append(STREAM_KEYS, List.of("~void-" + first))
                    .append(EVENT_LIST, List.of()));
        } catch (RuntimeException e) {
            log.debug("Positions {}..{} not marked empty; readers will pass them after the gap timeout", first, last);
        }
        for (LongConsumer listener : appendListeners) {
            listener.accept(last);
        }
    }

    /** Reserves {@code count} positions; returns the first. Reads the counter before the update (see ARCHITECTURE). */
    private long reserve(int count) {
        Document before = counters.findOneAndUpdate(
                Filters.eq(ID, POSITION_COUNTER),
                Updates.inc(COUNTER_VALUE, (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        long previous = before == null ? 0L : ((Number) before.get(COUNTER_VALUE)).longValue();
        return previous + 1;
    }

    /** The last reserved position (0 on an empty ledger). */
    public long lastReservedPosition() {
        Document counter = counters.find(Filters.eq(ID, POSITION_COUNTER)).first();
        return counter == null ? 0L : ((Number) counter.get(COUNTER_VALUE)).longValue();
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
        Document document = new Document(ID, snapshot.getAggregateIdentifier())
                .append(AGGREGATE_TYPE, snapshot.getType())
                .append(SEQUENCE, snapshot.getSequenceNumber())
                .append(EVENT_ID, snapshot.getIdentifier())
                .append(TIMESTAMP, snapshot.getTimestamp().toString())
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(METADATA, metaData.getData())
                .append(PAYLOAD, payload.getData());
        // keep only the newest snapshot; an older one arriving late must not replace a newer one
        Document existing = snapshots.find(Filters.eq(ID, snapshot.getAggregateIdentifier())).first();
        if (existing != null && ((Number) existing.get(SEQUENCE)).longValue() >= snapshot.getSequenceNumber()) {
            return;
        }
        snapshots.replaceOne(Filters.eq(ID, snapshot.getAggregateIdentifier()), document,
                new ReplaceOptions().upsert(true));
    }

    // ------------------------------------------------------------------ tracking

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = toGapAware(lastToken);
        long index = token == null ? 0L : token.getIndex();
        SortedSet<Long> gaps = token == null ? java.util.Collections.emptySortedSet() : token.getGaps();

        List<Long> wanted = new ArrayList<>(gaps.size() + batchSize);
        wanted.addAll(gaps);
        for (long p = index + 1; p <= index + batchSize; p++) {
            wanted.add(p);
        }
        TreeMap<Long, Document> commits = new TreeMap<>();
        for (Document commit : events.find(Filters.in(ID, wanted))) {
            commits.put(((Number) commit.get(ID)).longValue(), commit);
        }

        List<TrackedEventData<?>> result = new ArrayList<>();
        GapAwareTrackingToken current = token;
        // late arrivals at positions the token already records as gaps come first
        List<Long> filled = new ArrayList<>();
        for (Long gap : gaps) {
            Document commit = commits.remove(gap);
            if (commit == null) {
                continue;
            }
            if (commit.getList(EVENT_LIST, Document.class).isEmpty()) {
                long last = ((Number) commit.get(LAST)).longValue();
                for (long p = gap; p <= last; p++) {
                    filled.add(p);
                }
            } else {
                current = deliver(commit, current, result, filled, gap);
                filled.clear();
            }
        }
        long next = index + 1;
        long windowEnd = index + batchSize;
        Long reserved = null;
        List<Long> empty = new ArrayList<>();
        while (next <= windowEnd) {
            Document commit = commits.remove(next);
            if (commit != null) {
                missingSince.remove(next);
                long last = ((Number) commit.get(LAST)).longValue();
                if (commit.getList(EVENT_LIST, Document.class).isEmpty()) {
                    // a refused commit's reservation: nothing to deliver, and nothing to wait for
                    for (long p = next; p <= last; p++) {
                        empty.add(p);
                    }
                } else {
                    current = deliver(commit, current, result, empty, next);
                    empty.clear();
                }
                next = last + 1;
                continue;
            }
            if (reserved == null) {
                reserved = lastReservedPosition();
            }
            if (next == index + 1 && next <= reserved) {
                // the token may stop inside a multi-event commit (a processor's batch ended there): finish that commit
                Document containing = commitContaining(next);
                if (containing != null) {
                    missingSince.remove(next);
                    current = deliver(containing, current, result, empty, next);
                    empty.clear();
                    next = ((Number) containing.get(LAST)).longValue() + 1;
                    continue;
                }
            }
            if (next > reserved || !gapTimedOut(next)) {
                break; // caught up with every writer, or one is still on its way: keep the order
            }
            if (skipped.add(next)) {
                log.warn("Ledger position {} was reserved but not written within {}; passing it as a gap",
                        next, settings.gapTimeout());
            }
            // the next delivered event's token keeps it as a gap, so a commit still landing there is delivered
            next++;
        }
        forgetBelow(index - settings.maxGapOffset());
        return result;
    }

    /**
     * The commit that holds {@code position} without starting there, or null. Only the nearest commit start
     * below it can hold it; windows are searched downwards until one is found, as far as tokens remember gaps.
     */
    private Document commitContaining(long position) {
        int window = 256;
        long floor = Math.max(1, position - settings.maxGapOffset());
        for (long upper = position - 1; upper >= floor; upper -= window) {
            long lower = Math.max(floor, upper - window + 1);
            Document nearest = null;
            for (Document commit : events.find(Filters.in(ID, range(lower, upper)))) {
                if (nearest == null || ((Number) commit.get(ID)).longValue() > ((Number) nearest.get(ID)).longValue()) {
                    nearest = commit;
                }
            }
            if (nearest != null) {
                return ((Number) nearest.get(LAST)).longValue() >= position ? nearest : null;
            }
        }
        return null;
    }

    /**
     * One tracking read after {@code token} as messages, whole commits only: what {@link LedgerMessageSource}
     * buffers. One query for the window, plus one of the counter when it stops before the newest reservation.
     */
    List<TrackedEventMessage<?>> readNextBatch(TrackingToken token) {
        return EventUtils.upcastAndDeserializeTrackedEvents(fetchTrackedEvents(token, batchSize()).stream(),
                getEventSerializer(), upcasterChain).toList();
    }

    private void forgetBelow(long position) {
        if (position > 0 && !missingSince.isEmpty()) {
            missingSince.keySet().removeIf(p -> p < position);
            skipped.removeIf(p -> p < position);
        }
    }

    private boolean gapTimedOut(long position) {
        long now = nanoClock.getAsLong();
        long since = missingSince.computeIfAbsent(position, p -> now);
        return now - since >= settings.gapTimeout().toNanos();
    }

    /**
     * Delivers a commit's events from position {@code from} on, each with its token. {@code emptyPositions}
     * (refused commits' reservations passed since the last delivery) are taken out of the first token's gaps,
     * so tokens stay small.
     */
    private GapAwareTrackingToken deliver(Document commit, GapAwareTrackingToken token,
                                          List<TrackedEventData<?>> out, List<Long> emptyPositions, long from) {
        GapAwareTrackingToken current = token;
        boolean first = true;
        for (Document entry : commit.getList(EVENT_LIST, Document.class)) {
            long position = ((Number) entry.get(POSITION)).longValue();
            if (position < from) {
                continue;
            }
            current = current == null
                    ? GapAwareTrackingToken.newInstance(position, gapsBelow(position))
                    : current.advanceTo(position, settings.maxGapOffset());
            if (first) {
                for (Long empty : emptyPositions) {
                    if (empty < current.getIndex() && current.getGaps().contains(empty)) {
                        current = current.advanceTo(empty, settings.maxGapOffset());
                    }
                }
                first = false;
            }
            out.add(new TrackedDomainEventData<>(current, toDomainData(entry)));
        }
        return current;
    }

    /** A fresh token at {@code position} with every earlier position still open, so nothing before it is lost. */
    private List<Long> gapsBelow(long position) {
        List<Long> gaps = new ArrayList<>();
        for (long p = Math.max(1, position - settings.maxGapOffset()); p < position; p++) {
            gaps.add(p);
        }
        return gaps;
    }

    private static GapAwareTrackingToken toGapAware(TrackingToken token) {
        if (token == null) {
            return null;
        }
        TrackingToken unwrapped = org.axonframework.eventhandling.WrappedToken.unwrapLowerBound(token);
        if (unwrapped == null) {
            return null;
        }
        if (!(unwrapped instanceof GapAwareTrackingToken gapAware)) {
            throw new IllegalArgumentException("The ledger tracks with GapAwareTrackingToken, not "
                    + unwrapped.getClass().getSimpleName());
        }
        return gapAware;
    }

    private static DomainEventData<String> toDomainData(Document entry) {
        String aggregateId = entry.getString(AGGREGATE_ID);
        Object sequence = entry.get(SEQUENCE);
        String eventId = entry.getString(EVENT_ID);
        return new GenericDomainEventEntry<>(
                aggregateId == null ? null : entry.getString(AGGREGATE_TYPE),
                aggregateId == null ? eventId : aggregateId,
                sequence == null ? 0L : ((Number) sequence).longValue(),
                eventId,
                entry.getString(TIMESTAMP),
                entry.getString(PAYLOAD_TYPE),
                entry.getString(PAYLOAD_REVISION),
                entry.getString(PAYLOAD),
                entry.getString(METADATA));
    }

    // ------------------------------------------------------------------ aggregates

    /**
     * Reads up to {@code batchSize} events of one stream from {@code firstSequenceNumber}. Most streams hold a
     * handful of events and the embedded server's cost per key of a {@code $in} grows with the list, so the key
     * window starts small and widens only while windows come back full, each query capped at
     * {@link #MAX_AGGREGATE_WINDOW} keys. The look-back for a commit that started before the wanted sequence
     * (a snapshot taken inside a multi-event commit) is issued only when that sequence is not found.
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        TreeMap<Long, Document> bySequence = new TreeMap<>();
        long limit = firstSequenceNumber + batchSize;
        long next = firstSequenceNumber;
        int window = FIRST_AGGREGATE_WINDOW;
        while (next < limit) {
            long end = Math.min(limit, next + window);
            collectStreamEvents(aggregateIdentifier, next, end, firstSequenceNumber, bySequence);
            if (next == firstSequenceNumber && firstSequenceNumber > 0 && !bySequence.containsKey(firstSequenceNumber)) {
                long from = Math.max(0, firstSequenceNumber - AGGREGATE_LOOKBACK);
                collectStreamEvents(aggregateIdentifier, from, firstSequenceNumber, firstSequenceNumber, bySequence);
            }
            while (bySequence.containsKey(next)) {
                next++;
            }
            if (next < end) {
                break; // the stream ends inside this window
            }
            window = Math.min(MAX_AGGREGATE_WINDOW, window * 4);
        }
        List<DomainEventData<?>> result = new ArrayList<>(bySequence.size());
        long expected = firstSequenceNumber;
        for (Map.Entry<Long, Document> e : bySequence.entrySet()) {
            if (e.getKey() != expected) {
                break; // a stream is contiguous; anything after a hole is not part of what we read now
            }
            result.add(toDomainData(e.getValue()));
            expected++;
        }
        return result;
    }

    /** Adds the stream's events at or after {@code atLeast} from commits whose first key for it is in [from, to). */
    private void collectStreamEvents(String aggregateIdentifier, long from, long to, long atLeast,
                                     TreeMap<Long, Document> bySequence) {
        List<String> keys = new ArrayList<>((int) (to - from));
        for (long s = from; s < to; s++) {
            keys.add(streamKey(aggregateIdentifier, s));
        }
        for (Document commit : events.find(Filters.in(STREAM_KEYS, keys))) {
            for (Document entry : commit.getList(EVENT_LIST, Document.class)) {
                if (aggregateIdentifier.equals(entry.getString(AGGREGATE_ID))) {
                    long sequence = ((Number) entry.get(SEQUENCE)).longValue();
                    if (sequence >= atLeast) {
                        bySequence.put(sequence, entry);
                    }
                }
            }
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = snapshots.find(Filters.eq(ID, aggregateIdentifier)).first();
        if (snapshot == null) {
            return Stream.empty();
        }
        return Stream.of(new GenericDomainEventEntry<>(
                snapshot.getString(AGGREGATE_TYPE),
                aggregateIdentifier,
                ((Number) snapshot.get(SEQUENCE)).longValue(),
                snapshot.getString(EVENT_ID),
                snapshot.getString(TIMESTAMP),
                snapshot.getString(PAYLOAD_TYPE),
                snapshot.getString(PAYLOAD_REVISION),
                snapshot.getString(PAYLOAD),
                snapshot.getString(METADATA)));
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        long next = 0;
        Document snapshot = snapshots.find(Filters.eq(ID, aggregateIdentifier)).first();
        if (snapshot != null) {
            next = ((Number) snapshot.get(SEQUENCE)).longValue() + 1;
        }
        Long last = snapshot == null ? null : next - 1;
        while (true) {
            List<? extends DomainEventData<?>> batch = fetchDomainEvents(aggregateIdentifier, next, batchSize());
            if (batch.isEmpty()) {
                return Optional.ofNullable(last);
            }
            last = batch.get(batch.size() - 1).getSequenceNumber();
            next = last + 1;
        }
    }

    // ------------------------------------------------------------------ tokens

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        long head = lastWrittenPosition();
        return head == 0 ? null : GapAwareTrackingToken.newInstance(head, List.of());
    }

    /** The last position of the newest commit, found by probing windows below the counter. */
    public long lastWrittenPosition() {
        long reserved = lastReservedPosition();
        int window = 256;
        for (long upper = reserved; upper >= 1; upper -= window) {
            long lower = Math.max(1, upper - window + 1);
            long best = 0;
            for (Document commit : events.find(Filters.in(ID, range(lower, upper)))) {
                best = Math.max(best, ((Number) commit.get(LAST)).longValue());
            }
            if (best > 0) {
                return best;
            }
        }
        return 0;
    }

    /**
     * A token just before the first commit stored at or after {@code instant}: binary search over positions,
     * each probe an indexed window, since commit times rise with positions up to writer clock skew.
     */
    @Override
    public TrackingToken createTokenAt(Instant instant) {
        long low = 1;
        long high = lastReservedPosition();
        long answer = high + 1;
        while (low <= high) {
            long mid = low + (high - low) / 2;
            Document commit = firstCommitAtOrAfter(mid, high);
            if (commit == null) {
                high = mid - 1;
                continue;
            }
            Instant storedAt = commit.getDate(STORED_AT).toInstant();
            long start = ((Number) commit.get(ID)).longValue();
            if (!storedAt.isBefore(instant)) {
                answer = Math.min(answer, start);
                high = mid - 1;
            } else {
                low = ((Number) commit.get(LAST)).longValue() + 1;
            }
        }
        long index = answer - 1;
        return index <= 0 ? null : GapAwareTrackingToken.newInstance(index, List.of());
    }

    private Document firstCommitAtOrAfter(long position, long limit) {
        int window = 64;
        for (long lower = position; lower <= limit; lower += window) {
            long upper = Math.min(limit, lower + window - 1);
            Document best = null;
            for (Document commit : events.find(Filters.in(ID, range(lower, upper)))) {
                if (best == null || ((Number) commit.get(ID)).longValue() < ((Number) best.get(ID)).longValue()) {
                    best = commit;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    static List<Long> range(long fromInclusive, long toInclusive) {
        List<Long> values = new ArrayList<>((int) Math.max(0, toInclusive - fromInclusive + 1));
        for (long p = fromInclusive; p <= toInclusive; p++) {
            values.add(p);
        }
        return values;
    }

    public LedgerSettings settings() {
        return settings;
    }

    /** Recognises a duplicate stream key (another writer appended first) but not other duplicates. */
    static final class StreamKeyConflictResolver implements PersistenceExceptionResolver {
        @Override
        public boolean isDuplicateKeyViolation(Exception exception) {
            return exception instanceof MongoWriteException write
                    && write.getError().getCode() == DUPLICATE_KEY
                    && write.getError().getMessage() != null
                    && write.getError().getMessage().contains(STREAM_KEYS);
        }
    }

    public static class Builder extends BatchingEventStorageEngine.Builder {
        private MongoDatabase database;
        private LedgerSettings settings = LedgerSettings.defaults();
        private LongSupplier nanoClock = System::nanoTime;
        private java.time.Clock wallClock = java.time.Clock.systemUTC();
        private boolean createIndexes = true;

        public Builder() {
            persistenceExceptionResolver(new StreamKeyConflictResolver());
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder settings(LedgerSettings settings) {
            this.settings = settings;
            return this;
        }

        /** Monotonic time for gap timeouts; replaceable in tests. */
        public Builder nanoClock(LongSupplier nanoClock) {
            this.nanoClock = nanoClock;
            return this;
        }

        /** Wall-clock time stamped on commits (informational only; never used for order). */
        public Builder wallClock(java.time.Clock wallClock) {
            this.wallClock = wallClock;
            return this;
        }

        public Builder createIndexes(boolean createIndexes) {
            this.createIndexes = createIndexes;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("The ledger needs a MongoDatabase");
            }
        }

        public MongoLedgerEngine build() {
            validate();
            return new MongoLedgerEngine(this);
        }
    }
}
