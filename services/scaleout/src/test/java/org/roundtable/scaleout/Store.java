package org.roundtable.scaleout;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.Segment;
import org.bson.Document;

/**
 * Reads what the instances share, straight from MongoDB: Axon's segment claims in {@code axon_tokens}
 * and the ledger's commits in {@code ledger_events} (one document per commit, events in an array).
 */
final class Store implements AutoCloseable {

    private final MongoClient client;
    private final MongoDatabase database;

    Store(String connectionString, String database) {
        this.client = MongoClients.create(connectionString);
        this.database = client.getDatabase(database);
    }

    /** One row of the token store: a processor's segment and the node that holds it (null: unclaimed). */
    record Claim(String processor, int segment, String owner) {

        /** MongoTokenStore's node id is the JVM's {@code pid@host}. */
        long ownerPid() {
            return owner == null ? -1 : Long.parseLong(owner.substring(0, owner.indexOf('@')));
        }
    }

    /** A stored event, as far as these tests care. */
    record StoredEvent(String tenant, String aggregateId, long sequence, String type, long position) {
    }

    List<Claim> claims() {
        List<Claim> claims = new ArrayList<>();
        for (Document token : database.getCollection("axon_tokens").find()) {
            claims.add(new Claim(token.getString("processorName"), token.getInteger("segment"),
                    token.getString("owner")));
        }
        return claims;
    }

    /** Claims by processor name. */
    Map<String, List<Claim>> claimsByProcessor() {
        return claims().stream().collect(Collectors.groupingBy(Claim::processor, TreeMap::new, Collectors.toList()));
    }

    /**
     * True when every processor's segments are each present once, together cover the whole event
     * stream (their fractions add up to one), and each is held by one of the given JVMs.
     */
    boolean everySegmentHeldOnceBy(Set<Long> livePids) {
        Map<String, List<Claim>> byProcessor = claimsByProcessor();
        if (byProcessor.isEmpty()) {
            return false;
        }
        for (List<Claim> claims : byProcessor.values()) {
            if (!segmentsPartitionTheStream(claims)) {
                return false;
            }
            if (!claims.stream().allMatch(claim -> livePids.contains(claim.ownerPid()))) {
                return false;
            }
        }
        return true;
    }

    /** No segment twice, and the segments' shares of the stream add up to exactly one. */
    static boolean segmentsPartitionTheStream(List<Claim> claims) {
        int[] ids = claims.stream().mapToInt(Claim::segment).toArray();
        if (ids.length == 0 || java.util.Arrays.stream(ids).distinct().count() != ids.length) {
            return false;
        }
        double covered = 0;
        for (Segment segment : Segment.computeSegments(ids)) {
            covered += 1.0 / (segment.getMask() + 1L);
        }
        return Math.abs(covered - 1.0) < 1e-9;
    }

    List<StoredEvent> events() {
        List<StoredEvent> events = new ArrayList<>();
        for (Document commit : database.getCollection("ledger_events").find()) {
            String tenant = commit.getString("tenantId");
            for (Document event : commit.getList("events", Document.class)) {
                events.add(new StoredEvent(tenant, event.getString("agg"), number(event.get("seq")),
                        event.getString("type"), number(event.get("p"))));
            }
        }
        return events;
    }

    List<StoredEvent> eventsOf(String aggregateId) {
        return events().stream().filter(event -> aggregateId.equals(event.aggregateId()))
                .sorted(java.util.Comparator.comparingLong(StoredEvent::sequence)).toList();
    }

    private static long number(Object value) {
        return value == null ? -1 : ((Number) value).longValue();
    }

    @Override
    public void close() {
        client.close();
    }
}
