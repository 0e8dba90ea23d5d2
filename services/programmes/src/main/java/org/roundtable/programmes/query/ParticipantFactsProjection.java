package org.roundtable.programmes.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.roundtable.participants.api.ConsentGiven;
import org.roundtable.participants.api.ConsentWithdrawn;
import org.roundtable.participants.api.ParticipantCorrected;
import org.roundtable.participants.api.ParticipantErased;
import org.roundtable.participants.api.ParticipantRegistered;
import org.roundtable.participants.api.ReachGroupsDropped;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * This context's own copy of the participant facts that registers and figures need, fed by the
 * participants context's events. Idempotent by aggregate sequence like every projection here.
 */
@Component
@ProcessingGroup(ParticipantFactsProjection.PROCESSING_GROUP)
public class ParticipantFactsProjection {

    public static final String PROCESSING_GROUP = "programme-participant-facts";
    static final String COLLECTION = "programme_participant_facts";
    /** The embedded server serves {@code _id $in} well in windows of this size. */
    static final int WINDOW = 1000;

    private final MongoTemplate mongo;

    public ParticipantFactsProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ParticipantRegistered event, @SequenceNumber long sequence) {
        if (mongo.exists(query(where("_id").is(event.participantId())), COLLECTION)) {
            return;
        }
        ParticipantFactsDocument document = new ParticipantFactsDocument();
        document.id = event.participantId();
        document.tenantId = event.tenantId();
        document.town = event.town();
        document.reachGroups = new LinkedHashSet<>(event.reachGroups());
        document.birthYear = event.birthYear();
        document.countryOfOrigin = event.countryOfOrigin();
        document.guardianId = event.guardianId();
        document.version = sequence;
        mongo.insert(document, COLLECTION);
    }

    @EventHandler
    void on(ParticipantCorrected event, @SequenceNumber long sequence) {
        update(event.participantId(), sequence, document -> {
            if (event.birthYear() != null) {
                document.birthYear = event.birthYear();
            }
            document.town = corrected(event.town(), document.town, event, "town");
            document.countryOfOrigin = corrected(event.countryOfOrigin(), document.countryOfOrigin, event, "countryOfOrigin");
            document.guardianId = corrected(event.guardianId(), document.guardianId, event, "guardianId");
            if (event.reachGroups() != null) {
                document.reachGroups = new LinkedHashSet<>(event.reachGroups());
            } else if (event.cleared().contains("reachGroups")) {
                document.reachGroups = new LinkedHashSet<>();
            }
        });
    }

    @EventHandler
    void on(ReachGroupsDropped event, @SequenceNumber long sequence) {
        update(event.participantId(), sequence, document -> document.reachGroups.removeAll(event.reachGroups()));
    }

    @EventHandler
    void on(ConsentGiven event, @SequenceNumber long sequence) {
        update(event.participantId(), sequence, document -> document.consents.add(event.purpose()));
    }

    @EventHandler
    void on(ConsentWithdrawn event, @SequenceNumber long sequence) {
        update(event.participantId(), sequence, document -> document.consents.remove(event.purpose()));
    }

    @EventHandler
    void on(ParticipantErased event, @SequenceNumber long sequence) {
        // nothing here is erasable personal data; the person keeps counting in figures, shown as erased
        update(event.participantId(), sequence, document -> document.erased = true);
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), COLLECTION);
    }

    /** The facts of those of {@code ids} who belong to the tenant. */
    static Map<String, ParticipantFactsDocument> facts(MongoTemplate mongo, String tenantId, Collection<String> ids) {
        Map<String, ParticipantFactsDocument> found = new HashMap<>();
        List<String> all = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int start = 0; start < all.size(); start += WINDOW) {
            List<String> window = all.subList(start, Math.min(all.size(), start + WINDOW));
            for (ParticipantFactsDocument document : mongo.find(query(where("_id").in(window)),
                    ParticipantFactsDocument.class, COLLECTION)) {
                if (tenantId.equals(document.tenantId)) {
                    found.put(document.id, document);
                }
            }
        }
        return found;
    }

    private void update(String participantId, long sequence, Consumer<ParticipantFactsDocument> change) {
        ParticipantFactsDocument document = mongo.findById(participantId, ParticipantFactsDocument.class, COLLECTION);
        if (document == null || document.version >= sequence) {
            return;
        }
        change.accept(document);
        document.version = sequence;
        mongo.save(document, COLLECTION);
    }

    private static String corrected(String value, String current, ParticipantCorrected event, String field) {
        if (value != null) {
            return value;
        }
        return event.cleared().contains(field) ? null : current;
    }
}
