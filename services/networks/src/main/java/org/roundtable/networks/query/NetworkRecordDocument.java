package org.roundtable.networks.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * A network's record as stored: who may read it, and its journal of events in aggregate order.
 * Not per tenant: {@code readers} lists every tenant that is or was a member, and how far it may read.
 * The journal makes any "as of" view a fold over a prefix; a network produces a few hundred events
 * a year, far below MongoDB's 16 MB document limit.
 */
class NetworkRecordDocument {

    @Id
    String id;
    String name;
    String chairTenantId;
    /** ISO-8601 date, stored as text so no time zone is ever applied to it. */
    String foundedOn;
    String cadence;
    List<Reader> readers = new ArrayList<>();
    /** The last aggregate sequence number applied. */
    long version = -1;
    List<JournalEntry> journal = new ArrayList<>();

    Reader reader(String tenantId) {
        return readers.stream().filter(reader -> reader.tenantId.equals(tenantId)).findFirst().orElse(null);
    }

    /** A tenant that may read the record: in full while a member, up to {@code untilSequence} once it left. */
    static class Reader {
        String tenantId;
        Long untilSequence;
        String leftOn;

        long limit() {
            return untilSequence == null ? Long.MAX_VALUE : untilSequence;
        }
    }

    /** One event of the network: its JSON payload (no personal data ever enters a network), when, who, where in the ledger. */
    static class JournalEntry {
        long sequence;
        /** The event's ledger position, when the event came from a tracked stream. */
        Long position;
        Instant at;
        String actorId;
        String type;
        String payload;
    }
}
