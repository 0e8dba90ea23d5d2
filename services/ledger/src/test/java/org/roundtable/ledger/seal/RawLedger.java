package org.roundtable.ledger.seal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.roundtable.ledger.store.LedgerSchema;

/**
 * Writes commits straight into the ledger collections in the shape of {@link LedgerSchema}, the way the
 * storage engine does, and computes the expected chain on its own (not through {@link ChainHashing}).
 */
final class RawLedger {

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> counters;

    RawLedger(MongoDatabase database) {
        this.events = database.getCollection(LedgerSchema.EVENTS);
        this.counters = database.getCollection(LedgerSchema.COUNTERS);
    }

    void reserveThrough(long position) {
        counters.updateOne(Filters.eq("_id", LedgerSchema.POSITION_COUNTER),
                Updates.max(LedgerSchema.COUNTER_VALUE, position), new UpdateOptions().upsert(true));
    }

    /** Reserves and writes a commit of {@code size} events starting at {@code first}. */
    Document append(long first, int size) {
        reserveThrough(first + size - 1);
        Document commit = commit(first, size, "kent");
        events.insertOne(commit);
        return commit;
    }

    /** Writes consecutive commits of the given sizes from {@code first}, in batches; returns the next free position. */
    long appendMany(long first, int... sizes) {
        List<Document> batch = new ArrayList<>();
        long position = first;
        for (int size : sizes) {
            batch.add(commit(position, size, position % 3 == 0 ? "krefeld" : "kent"));
            position += size;
            if (batch.size() == 1_000) {
                events.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            events.insertMany(batch);
        }
        reserveThrough(position - 1);
        return position;
    }

    static Document commit(long first, int size, String tenant) {
        List<Document> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            long p = first + i;
            Document event = new Document(LedgerSchema.POSITION, p)
                    .append(LedgerSchema.EVENT_ID, "evt-" + p)
                    .append(LedgerSchema.PAYLOAD_TYPE, "org.roundtable.participants.api.ParticipantRegistered")
                    .append(LedgerSchema.PAYLOAD_REVISION, p % 2 == 0 ? "1" : null)
                    .append(LedgerSchema.AGGREGATE_ID, "participant-" + first)
                    .append(LedgerSchema.AGGREGATE_TYPE, "Participant")
                    .append(LedgerSchema.SEQUENCE, (long) i)
                    .append(LedgerSchema.TIMESTAMP, Instant.ofEpochSecond(1_700_000_000L + p).toString())
                    .append(LedgerSchema.TENANT, tenant)
                    .append(LedgerSchema.METADATA, "{\"tenantId\":\"" + tenant + "\",\"actorId\":\"officer-1\"}")
                    .append(LedgerSchema.PAYLOAD, "{\"participantId\":\"participant-" + first + "\",\"n\":" + p + "}");
            if (p % 5 == 0) {
                event.remove(LedgerSchema.PAYLOAD_REVISION); // absent, not only null
            }
            list.add(event);
        }
        return new Document("_id", first)
                .append(LedgerSchema.LAST, first + size - 1)
                .append(LedgerSchema.TENANT, tenant)
                .append(LedgerSchema.STORED_AT, Instant.now().toString())
                .append(LedgerSchema.STREAM_KEYS, List.of(LedgerSchema.streamKey("participant-" + first, 0)))
                .append(LedgerSchema.EVENT_LIST, list);
    }

    /** Chain values after each stored position, computed independently of the production code. */
    TreeMap<Long, String> expectedChain() throws Exception {
        TreeMap<Long, Document> byPosition = new TreeMap<>();
        for (Document commit : events.find()) {
            for (Document event : commit.getList(LedgerSchema.EVENT_LIST, Document.class)) {
                byPosition.put(((Number) event.get(LedgerSchema.POSITION)).longValue(), event);
            }
        }
        TreeMap<Long, String> chains = new TreeMap<>();
        byte[] chain = new byte[32];
        for (Map.Entry<Long, Document> entry : byPosition.entrySet()) {
            Document e = entry.getValue();
            String canonical = String.join("\u001f", text(e.get("p")), text(e.get("id")), text(e.get("type")),
                    text(e.get("rev")), text(e.get("agg")), text(e.get("aggType")), text(e.get("seq")), text(e.get("ts")),
                    text(e.get("tenantId")), text(e.get("meta")), text(e.get("payload")));
            byte[] eventHash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(chain);
            digest.update(eventHash);
            chain = digest.digest();
            chains.put(entry.getKey(), HexFormat.of().formatHex(chain));
        }
        return chains;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    MongoCollection<Document> events() {
        return events;
    }
}
