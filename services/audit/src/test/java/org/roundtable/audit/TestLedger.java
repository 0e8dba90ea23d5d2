package org.roundtable.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.SerializedObject;
import org.bson.Document;
import org.roundtable.kernel.DataSubject;
import org.roundtable.kernel.PersonalData;
import org.roundtable.ledger.crypto.MasterKey;
import org.roundtable.ledger.crypto.PersonalDataSerializer;
import org.roundtable.ledger.crypto.SubjectKeyStore;
import org.roundtable.ledger.seal.ChainHead;
import org.roundtable.ledger.seal.Sealer;
import org.roundtable.ledger.seal.Verifier;
import org.roundtable.ledger.store.LedgerSchema;

/**
 * A ledger on the embedded memory MongoDB (over TCP, through the real driver), written the way the storage
 * engine writes commits, with payloads serialized (personal data encrypted) by the ledger's own serializer.
 */
public final class TestLedger implements AutoCloseable {

    public record PersonRegistered(@DataSubject String personId, @PersonalData String name, String town) {
    }

    public record SessionHeld(String sessionId, int headcount) {
    }

    private final MongoServer server;
    private final MongoClient client;
    private final MongoDatabase database;
    private final SubjectKeyStore keys;
    private final PersonalDataSerializer serializer;
    private final ObjectMapper json = new ObjectMapper();
    private long next = 1;

    public TestLedger() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("roundtable");
        keys = new SubjectKeyStore(database, MasterKey.generate());
        serializer = new PersonalDataSerializer(keys);
    }

    public MongoDatabase database() {
        return database;
    }

    public PersonalDataSerializer serializer() {
        return serializer;
    }

    public SubjectKeyStore keys() {
        return keys;
    }

    public MongoCollection<Document> events() {
        return database.getCollection(LedgerSchema.EVENTS);
    }

    /** A commit of the tenant's events for one aggregate, at the next free position; returns its first position. */
    public long append(String tenant, String aggregateId, String actor, Instant at, Object... payloads) {
        return appendAt(next, tenant, aggregateId, actor, at, payloads);
    }

    public long appendAt(long first, String tenant, String aggregateId, String actor, Instant at, Object... payloads) {
        List<Document> list = new ArrayList<>();
        String correlation = UUID.randomUUID().toString();
        for (int i = 0; i < payloads.length; i++) {
            SerializedObject<String> payload = serializer.serialize(payloads[i], String.class);
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("tenantId", tenant);
            meta.put("actorId", actor);
            meta.put("actorRole", "staff");
            meta.put("correlationId", correlation);
            meta.put("traceId", "cause-" + (first + i));
            Document event = new Document(LedgerSchema.EVENT_ID, UUID.randomUUID().toString())
                    .append(LedgerSchema.PAYLOAD_TYPE, payload.getType().getName())
                    .append(LedgerSchema.PAYLOAD_REVISION, payload.getType().getRevision())
                    .append(LedgerSchema.TIMESTAMP, at.toString())
                    .append(LedgerSchema.TENANT, tenant)
                    .append(LedgerSchema.METADATA, write(meta))
                    .append(LedgerSchema.PAYLOAD, payload.getData())
                    .append(LedgerSchema.AGGREGATE_ID, aggregateId)
                    .append(LedgerSchema.AGGREGATE_TYPE, "Aggregate")
                    .append(LedgerSchema.SEQUENCE, (long) i)
                    .append(LedgerSchema.POSITION, first + i);
            list.add(event);
        }
        long last = first + payloads.length - 1;
        reserveThrough(last);
        events().insertOne(new Document("_id", first)
                .append(LedgerSchema.LAST, last)
                .append(LedgerSchema.TENANT, tenant)
                .append(LedgerSchema.STORED_AT, Date.from(at))
                .append(LedgerSchema.STREAM_KEYS, List.of(LedgerSchema.streamKey(aggregateId, first)))
                .append(LedgerSchema.EVENT_LIST, list));
        next = Math.max(next, last + 1);
        return first;
    }

    public void reserveThrough(long position) {
        database.getCollection(LedgerSchema.COUNTERS).updateOne(Filters.eq("_id", LedgerSchema.POSITION_COUNTER),
                Updates.max(LedgerSchema.COUNTER_VALUE, position), new UpdateOptions().upsert(true));
        next = Math.max(next, position + 1);
    }

    public Sealer sealer() {
        return new Sealer(database);
    }

    public Verifier verifier() {
        return new Verifier(database);
    }

    public ChainHead seal() {
        return sealer().sealAvailable();
    }

    /** Overwrites one field of one stored event, as someone with write access to the database could. */
    public void tamper(long commit, int index, String field, Object value) {
        events().updateOne(Filters.eq("_id", commit),
                Updates.set(LedgerSchema.EVENT_LIST + "." + index + "." + field, value));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
