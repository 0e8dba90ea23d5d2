package org.roundtable.ledger.seal;

import static org.roundtable.ledger.seal.SealSchema.HEAD_CHAIN;
import static org.roundtable.ledger.seal.SealSchema.HEAD_ID;
import static org.roundtable.ledger.seal.SealSchema.HEAD_POSITION;
import static org.roundtable.ledger.seal.SealSchema.HEAD_SEALED_COMMITS;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Reads the sealer's head document and seal records by the index-served shapes only. */
final class SealState {

    private final MongoCollection<Document> state;
    private final MongoCollection<Document> seals;
    private final SealSettings settings;

    SealState(MongoDatabase database, SealSettings settings) {
        this.state = database.getCollection(SealSchema.STATE);
        this.seals = database.getCollection(SealSchema.SEALS);
        this.settings = settings;
    }

    ChainHead read() {
        Document doc = state.find(Filters.eq("_id", HEAD_ID)).first();
        if (doc == null) {
            return new ChainHead(settings.firstPosition() - 1, ChainHashing.genesisHex(), 0);
        }
        return new ChainHead(longOf(doc, HEAD_POSITION), doc.getString(HEAD_CHAIN), longOf(doc, HEAD_SEALED_COMMITS));
    }

    /** Moves the stored head forward to {@code head}; never back, so racing sealers cannot undo each other. */
    void advance(ChainHead head) {
        try {
            state.updateOne(
                    Filters.and(Filters.eq("_id", HEAD_ID), Filters.lt(HEAD_POSITION, head.position())),
                    Updates.combine(
                            Updates.set(HEAD_POSITION, head.position()),
                            Updates.set(HEAD_CHAIN, head.chain()),
                            Updates.set(HEAD_SEALED_COMMITS, head.sealedCommits())),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // the upsert collided with a head that is already at or past ours
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Seal records whose first position lies in {@code [from, from + count)}, by first position. */
    Map<Long, Document> seals(long from, int count) {
        return byId(seals, from, count);
    }

    static Map<Long, Document> byId(MongoCollection<Document> collection, long from, int count) {
        List<Long> ids = new ArrayList<>(count);
        for (long p = Math.max(from, 0); p < from + count; p++) {
            ids.add(p);
        }
        Map<Long, Document> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document doc : collection.find(Filters.in("_id", ids))) {
            found.put(((Number) doc.get("_id")).longValue(), doc);
        }
        return found;
    }

    static long longOf(Document doc, String field) {
        Object value = doc.get(field);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("Field " + field + " of document " + doc.get("_id") + " is not a number");
        }
        return number.longValue();
    }
}
