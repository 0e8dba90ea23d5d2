package org.roundtable.audit.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.bson.Document;
import org.roundtable.audit.api.HistoryEvent;
import org.roundtable.audit.api.HistoryPage;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.kernel.TenantId;
import org.roundtable.ledger.crypto.LedgerCryptoException;
import org.roundtable.ledger.crypto.PersonalDataSerializer;
import org.roundtable.ledger.store.LedgerSchema;

/**
 * A tenant's history, read straight from the ledger in position order (see {@link LedgerScan} for how it
 * reads and why a page costs the positions it passes, whatever tenant they belong to).
 *
 * <p>An event of another tenant is never returned: the tenant is checked on the commit and on each
 * event. Personal data is revealed through {@link PersonalDataSerializer#reveal}: shown when asked,
 * {@code "[personal data]"} otherwise, and {@code "[erased]"} after erasure whoever asks. A payload
 * that can no longer be read (altered ciphertext or JSON) is shown as {@code "[unreadable]"}; the
 * verification endpoint says where and how it was altered.
 */
public class AuditHistory {

    /** How far writers' clocks and commit delays may put an event's timestamp from its commit's storage time. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);
    public static final String UNREADABLE = "[unreadable]";

    private final LedgerScan scan;
    private final PersonalDataSerializer serializer;
    private final ObjectMapper json = new ObjectMapper();
    private final Function<Instant, Long> positionBefore;
    private final long scanBudget;

    /**
     * @param positionBefore a position before every commit stored at or after an instant (for {@code from});
     *                       {@code instant -> 0L} when unknown
     * @param scanBudget     at most this many positions are passed per page; the page then says {@code hasMore}
     */
    public AuditHistory(MongoDatabase database, PersonalDataSerializer serializer, Function<Instant, Long> positionBefore,
                        int window, long scanBudget) {
        this.scan = new LedgerScan(database, window);
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.positionBefore = Objects.requireNonNull(positionBefore, "positionBefore");
        if (scanBudget < 1) {
            throw new IllegalArgumentException("scanBudget must be positive");
        }
        this.scanBudget = scanBudget;
    }

    public HistoryPage find(TenantId tenant, HistoryFilter filter, boolean showPersonalData) {
        long start = filter.afterPosition() + 1;
        if (filter.from() != null) {
            long before = positionBefore.apply(filter.from().minus(CLOCK_MARGIN));
            start = Math.max(start, before + 1);
        }
        long end = filter.toPosition() == null ? Long.MAX_VALUE : filter.toPosition();
        List<HistoryEvent> items = new ArrayList<>();
        long[] stoppedAt = {-1};
        long firstWanted = start;
        LedgerScan.Result result = scan.walk(start, end, scanBudget, false, (commit, walk) -> {
            if (filter.to() != null && storedAfter(commit, filter.to().plus(CLOCK_MARGIN))) {
                return LedgerScan.Next.DONE;
            }
            if (!tenant.value().equals(commit.getString(LedgerSchema.TENANT))) {
                return LedgerScan.Next.CONTINUE;
            }
            for (Document event : LedgerScan.eventsOf(commit)) {
                long position = positionOf(event);
                if (position < firstWanted || position > end) {
                    continue;
                }
                if (matches(event, tenant, filter)) {
                    items.add(render(event, showPersonalData));
                    if (items.size() == filter.limit()) {
                        stoppedAt[0] = position;
                        return LedgerScan.Next.STOP;
                    }
                }
            }
            return LedgerScan.Next.CONTINUE;
        });
        long next = stoppedAt[0] >= 0 ? stoppedAt[0] : Math.max(result.through(), filter.afterPosition());
        boolean hasMore = result.end() != LedgerScan.End.END
                && (filter.toPosition() == null || next < filter.toPosition());
        return new HistoryPage(items, next, hasMore);
    }

    private boolean matches(Document event, TenantId tenant, HistoryFilter filter) {
        if (!tenant.value().equals(event.getString(LedgerSchema.TENANT))) {
            return false;
        }
        if (filter.aggregateId() != null && !filter.aggregateId().equals(event.getString(LedgerSchema.AGGREGATE_ID))) {
            return false;
        }
        if (!filter.matchesType(event.getString(LedgerSchema.PAYLOAD_TYPE))) {
            return false;
        }
        if (filter.from() != null || filter.to() != null) {
            Instant at = timestampOf(event);
            if (at == null || (filter.from() != null && at.isBefore(filter.from()))
                    || (filter.to() != null && !at.isBefore(filter.to()))) {
                return false;
            }
        }
        if (filter.actor() != null) {
            return filter.actor().equals(metadataOf(event).path(MetadataKeys.ACTOR_ID).textValue());
        }
        return true;
    }

    private HistoryEvent render(Document event, boolean showPersonalData) {
        JsonNode metadata = metadataOf(event);
        Object sequence = event.get(LedgerSchema.SEQUENCE);
        return new HistoryEvent(
                positionOf(event),
                event.getString(LedgerSchema.EVENT_ID),
                event.getString(LedgerSchema.PAYLOAD_TYPE),
                asText(event.get(LedgerSchema.PAYLOAD_REVISION)),
                event.getString(LedgerSchema.AGGREGATE_ID),
                event.getString(LedgerSchema.AGGREGATE_TYPE),
                sequence instanceof Number number ? number.longValue() : null,
                asText(event.get(LedgerSchema.TIMESTAMP)),
                event.getString(LedgerSchema.TENANT),
                metadata.path(MetadataKeys.ACTOR_ID).textValue(),
                metadata.path(MetadataKeys.ACTOR_ROLE).textValue(),
                metadata.path(MetadataKeys.CORRELATION_ID).textValue(),
                metadata.path(MetadataKeys.CAUSATION_ID).textValue(),
                metadata,
                payloadOf(event, showPersonalData));
    }

    private JsonNode payloadOf(Document event, boolean showPersonalData) {
        String stored = event.getString(LedgerSchema.PAYLOAD);
        if (stored == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return serializer.reveal(json.readTree(stored), showPersonalData);
        } catch (IOException | LedgerCryptoException e) {
            return TextNode.valueOf(UNREADABLE);
        }
    }

    private JsonNode metadataOf(Document event) {
        String stored = event.getString(LedgerSchema.METADATA);
        if (stored == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode tree = json.readTree(stored);
            return tree.isObject() ? tree : JsonNodeFactory.instance.objectNode();
        } catch (IOException e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    private static boolean storedAfter(Document commit, Instant bound) {
        Object stored = commit.get(LedgerSchema.STORED_AT);
        Instant at = null;
        if (stored instanceof Date date) {
            at = date.toInstant();
        } else if (stored instanceof String text) {
            at = parse(text);
        }
        return at != null && at.isAfter(bound);
    }

    private static Instant timestampOf(Document event) {
        Object value = event.get(LedgerSchema.TIMESTAMP);
        return value instanceof Date date ? date.toInstant() : value == null ? null : parse(value.toString());
    }

    private static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long positionOf(Document event) {
        return ((Number) event.get(LedgerSchema.POSITION)).longValue();
    }

    private static String asText(Object value) {
        return value == null ? null : value instanceof Date date ? date.toInstant().toString() : value.toString();
    }
}
