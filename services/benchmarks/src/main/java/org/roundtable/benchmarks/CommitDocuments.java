package org.roundtable.benchmarks;

import static org.roundtable.ledger.store.LedgerSchema.*;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.roundtable.kernel.MetadataKeys;

/**
 * Builds commit documents field for field as {@code MongoLedgerEngine.appendEvents} does for a one-event
 * commit (the shape is checked against a document the engine wrote), so the raw baselines and the bulk
 * loader use exactly what the engine stores, with payloads serialized and encrypted by the real serializer.
 */
final class CommitDocuments {

    static final String TENANT_VALUE = "kent-integration";
    static final String ACTOR_VALUE = "caseworker-17";
    static final String ROLE_VALUE = "CASEWORKER";

    private final Serializer serializer;

    CommitDocuments(Serializer serializer) {
        this.serializer = serializer;
    }

    static Map<String, String> commandMetaData() {
        return Map.of(MetadataKeys.TENANT_ID, TENANT_VALUE, MetadataKeys.ACTOR_ID, ACTOR_VALUE,
                MetadataKeys.ACTOR_ROLE, ROLE_VALUE);
    }

    Document commit(long position, String aggregateId, long sequence, long ticket) {
        // what MessageOriginProvider and the tenant/actor correlation provider put on a command's event
        MetaData metaData = MetaData.from(commandMetaData())
                .and(MetadataKeys.CORRELATION_ID, UUID.randomUUID().toString())
                .and(MetadataKeys.CAUSATION_ID, UUID.randomUUID().toString());
        GenericDomainEventMessage<Notes.Noted> message = new GenericDomainEventMessage<>(Notes.AGGREGATE_TYPE,
                aggregateId, sequence, new Notes.Noted(aggregateId, Notes.text(ticket), sequence + 1, ticket), metaData);
        SerializedObject<String> payload = message.serializePayload(serializer, String.class);
        SerializedObject<String> meta = message.serializeMetaData(serializer, String.class);
        Document entry = new Document(EVENT_ID, message.getIdentifier())
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(TIMESTAMP, message.getTimestamp().toString())
                .append(TENANT, TENANT_VALUE)
                .append(METADATA, meta.getData())
                .append(PAYLOAD, payload.getData())
                .append(AGGREGATE_ID, aggregateId)
                .append(AGGREGATE_TYPE, Notes.AGGREGATE_TYPE)
                .append(SEQUENCE, sequence)
                .append(POSITION, position);
        return new Document(ID, position)
                .append(LAST, position)
                .append(TENANT, TENANT_VALUE)
                .append(STORED_AT, new Date())
                .append(STREAM_KEYS, List.of(streamKey(aggregateId, sequence)))
                .append(EVENT_LIST, List.of(entry));
    }

    /** The same unique multikey index the engine creates, so raw inserts pay for it too. */
    static void ensureLedgerIndexes(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending(STREAM_KEYS), new IndexOptions().unique(true).name("stream_keys"));
        collection.createIndex(Indexes.ascending(TENANT, ID), new IndexOptions().name("tenant_position"));
    }

    /**
     * Writes one-event commits at positions 1..events: every {@code bigEvery}-th event belongs to the aggregate
     * {@code bigId}, the rest round-robin to {@code smallAggregates} others. Sets the position counter to what was written.
     *
     * @param reuseSmall serialize each small aggregate's event once and reuse its payload (same size; for read-path
     *                   measurements that never deserialize them), which makes loading a million events affordable
     * @param limitSeconds stop (at a batch boundary) after this long
     * @return how many events were written
     */
    long load(MongoDatabase database, long events, long bigEvery, String bigId, int smallAggregates,
              boolean reuseSmall, long limitSeconds) {
        MongoCollection<Document> collection = database.getCollection(EVENTS);
        ensureLedgerIndexes(collection);
        Map<String, Document> templates = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
        List<Document> batch = new ArrayList<>(1000);
        long bigSequence = 0;
        long small = 0;
        long written = 0;
        for (long position = 1; position <= events; position++) {
            Document doc;
            if (position % bigEvery == 0) {
                doc = commit(position, bigId, bigSequence++, 0);
            } else {
                String aggregate = "p-" + (small % smallAggregates);
                long sequence = small / smallAggregates;
                small++;
                if (reuseSmall) {
                    Document template = templates.computeIfAbsent(aggregate, a -> commit(0, a, 0, 0));
                    doc = reposition(template, position, aggregate, sequence);
                } else {
                    doc = commit(position, aggregate, sequence, 0);
                }
            }
            batch.add(doc);
            if (batch.size() == 1000) {
                collection.insertMany(batch);
                written += batch.size();
                batch = new ArrayList<>(1000);
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
            written += batch.size();
        }
        database.getCollection(COUNTERS).updateOne(Filters.eq(ID, POSITION_COUNTER),
                Updates.set(COUNTER_VALUE, written), new UpdateOptions().upsert(true));
        return written;
    }

    /** A copy of a template commit at another position and sequence, with a fresh event identifier. */
    private static Document reposition(Document template, long position, String aggregateId, long sequence) {
        Document entry = new Document(template.getList(EVENT_LIST, Document.class).get(0));
        entry.put(EVENT_ID, UUID.randomUUID().toString());
        entry.put(SEQUENCE, sequence);
        entry.put(POSITION, position);
        return new Document(template)
                .append(ID, position)
                .append(LAST, position)
                .append(STREAM_KEYS, List.of(streamKey(aggregateId, sequence)))
                .append(EVENT_LIST, List.of(entry));
    }

    static int bsonSize(Document document) {
        return new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
    }

    /** The field names, nested, with value types; equal shapes give equal strings. */
    static String shape(Document document) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, Object> e : document.entrySet()) {
            out.append(e.getKey()).append(':');
            Object value = e.getValue();
            if (value instanceof Document nested) {
                out.append(shape(nested));
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (Object item : list) {
                    out.append(item instanceof Document d ? shape(d) : item == null ? "null" : item.getClass().getSimpleName());
                    out.append(',');
                }
                out.append(']');
            } else {
                out.append(value == null ? "null" : value.getClass().getSimpleName());
            }
            out.append(',');
        }
        return out.append('}').toString();
    }
}
