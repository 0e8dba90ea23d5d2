package org.roundtable.participants.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.kernel.PersonalData;
import org.roundtable.participants.api.ConsentGiven;
import org.roundtable.participants.api.ConsentInForce;
import org.roundtable.participants.api.ConsentRecord;
import org.roundtable.participants.api.ConsentWithdrawn;
import org.roundtable.participants.api.FindParticipant;
import org.roundtable.participants.api.FindParticipantExport;
import org.roundtable.participants.api.FindParticipantVersion;
import org.roundtable.participants.api.FindParticipants;
import org.roundtable.participants.api.HouseholdLinks;
import org.roundtable.participants.api.ParticipantCorrected;
import org.roundtable.participants.api.ParticipantErased;
import org.roundtable.participants.api.ParticipantExport;
import org.roundtable.participants.api.ParticipantPage;
import org.roundtable.participants.api.ParticipantRegistered;
import org.roundtable.participants.api.ParticipantSummary;
import org.roundtable.participants.api.ParticipantView;
import org.roundtable.participants.api.ReachGroupsDropped;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The participant directory: one document per participant, scoped by tenant. Handlers are
 * idempotent (a document records the last aggregate sequence number it applied and skips anything
 * not newer), so redelivery and replays converge on the same documents.
 */
@Component
@ProcessingGroup(ParticipantDirectoryProjection.PROCESSING_GROUP)
public class ParticipantDirectoryProjection {

    public static final String PROCESSING_GROUP = "participant-directory";
    static final String COLLECTION = "participant_directory";

    private final MongoTemplate mongo;

    public ParticipantDirectoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        createIndexes();
    }

    private void createIndexes() {
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        // tenantId leads every index: every query filters by it, and it is the future shard key.
        indexes.ensureIndex(new CompoundIndexDefinition(new Document("tenantId", 1).append("sortName", 1).append("_id", 1)));
        indexes.ensureIndex(new CompoundIndexDefinition(new Document("tenantId", 1).append("town", 1)));
        indexes.ensureIndex(new CompoundIndexDefinition(new Document("tenantId", 1).append("reachGroups", 1)));
        indexes.ensureIndex(new CompoundIndexDefinition(new Document("tenantId", 1).append("guardianId", 1)));
    }

    @EventHandler
    void on(ParticipantRegistered event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_ID) String actor) {
        if (mongo.exists(query(where("_id").is(event.participantId())), COLLECTION)) {
            return;
        }
        ParticipantDocument document = new ParticipantDocument();
        document.id = event.participantId();
        document.tenantId = event.tenantId();
        setName(document, event.fullName());
        document.birthDate = event.birthDate() == null ? null : event.birthDate().toString();
        document.birthYear = event.birthYear();
        document.gender = event.gender();
        document.countryOfOrigin = event.countryOfOrigin();
        document.languages = new ArrayList<>(event.languages());
        document.town = event.town();
        document.guardianId = event.guardianId();
        document.reachGroups = new LinkedHashSet<>(event.reachGroups());
        document.registeredAt = at;
        document.registeredBy = actor;
        document.version = sequence;
        mongo.insert(document, COLLECTION);
    }

    @EventHandler
    void on(ParticipantCorrected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.participantId(), sequence, document -> {
            if (event.fullName() != null) {
                setName(document, event.fullName());
            }
            if (event.birthDate() != null) {
                document.birthDate = event.birthDate().toString();
            } else if (event.cleared().contains("birthDate")) {
                document.birthDate = null;
            }
            if (event.birthYear() != null) {
                document.birthYear = event.birthYear();
            }
            document.gender = corrected(event.gender(), document.gender, event, "gender");
            document.countryOfOrigin = corrected(event.countryOfOrigin(), document.countryOfOrigin, event, "countryOfOrigin");
            document.town = corrected(event.town(), document.town, event, "town");
            document.guardianId = corrected(event.guardianId(), document.guardianId, event, "guardianId");
            if (event.languages() != null) {
                document.languages = new ArrayList<>(event.languages());
            } else if (event.cleared().contains("languages")) {
                document.languages = new ArrayList<>();
            }
            if (event.reachGroups() != null) {
                document.reachGroups = new LinkedHashSet<>(event.reachGroups());
            } else if (event.cleared().contains("reachGroups")) {
                document.reachGroups = new LinkedHashSet<>();
            }
            document.lastCorrectedAt = at;
        });
    }

    @EventHandler
    void on(ConsentGiven event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_ID) String actor) {
        update(event.participantId(), sequence, document -> {
            for (ParticipantDocument.ConsentEntry earlier : document.consents) {
                if (earlier.purpose.equals(event.purpose()) && earlier.inForce()) {
                    earlier.replacedAt = at;
                }
            }
            ParticipantDocument.ConsentEntry entry = new ParticipantDocument.ConsentEntry();
            entry.purpose = event.purpose();
            entry.givenBy = event.givenBy();
            entry.givenAt = at;
            entry.recordedBy = actor;
            document.consents.add(entry);
        });
    }

    @EventHandler
    void on(ConsentWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_ID) String actor) {
        update(event.participantId(), sequence, document -> {
            for (ParticipantDocument.ConsentEntry entry : document.consents) {
                if (entry.purpose.equals(event.purpose()) && entry.inForce()) {
                    entry.withdrawnAt = at;
                    entry.withdrawnBy = actor;
                }
            }
        });
    }

    @EventHandler
    void on(ReachGroupsDropped event, @SequenceNumber long sequence) {
        update(event.participantId(), sequence, document -> document.reachGroups.removeAll(event.reachGroups()));
    }

    @EventHandler
    void on(ParticipantErased event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.participantId(), sequence, document -> {
            // birth year, town, country, languages and reach groups stay: the person still counts in figures
            setName(document, null);
            document.birthDate = null;
            document.gender = null;
            document.erased = true;
            document.erasedAt = at;
            document.erasureReason = event.reason();
        });
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), COLLECTION);
    }

    @QueryHandler
    Optional<ParticipantView> handle(FindParticipant query) {
        return find(query.tenantId(), query.participantId()).map(ParticipantDirectoryProjection::view);
    }

    @QueryHandler
    Long handle(FindParticipantVersion query) {
        Query byId = query(where("_id").is(query.participantId()).and("tenantId").is(query.tenantId()));
        byId.fields().include("version");
        ParticipantDocument document = mongo.findOne(byId, ParticipantDocument.class, COLLECTION);
        return document == null ? -1L : document.version;
    }

    @QueryHandler
    ParticipantPage handle(FindParticipants query) {
        Criteria criteria = where("tenantId").is(query.tenantId());
        if (query.town() != null && !query.town().isBlank()) {
            criteria = criteria.and("town").is(query.town());
        }
        if (query.reachGroup() != null && !query.reachGroup().isBlank()) {
            criteria = criteria.and("reachGroups").is(query.reachGroup());
        }
        if (query.name() != null && !query.name().isBlank()) {
            // erased people must not be found by the placeholder that replaced their name
            criteria = criteria.and("erased").is(false)
                    .and("fullName").regex(Pattern.compile(Pattern.quote(query.name().strip()),
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        Query filter = query(criteria);
        long total = mongo.count(filter, COLLECTION);
        filter.with(Sort.by("sortName", "_id")).skip((long) query.page() * query.size()).limit(query.size());
        List<ParticipantSummary> items = mongo.find(filter, ParticipantDocument.class, COLLECTION).stream()
                .map(document -> new ParticipantSummary(document.id, document.fullName, document.birthYear,
                        document.town, document.reachGroups, document.erased))
                .toList();
        return new ParticipantPage(items, query.page(), query.size(), total);
    }

    @QueryHandler
    Optional<ParticipantExport> handle(FindParticipantExport query) {
        return find(query.tenantId(), query.participantId()).map(document -> {
            Query dependants = query(where("tenantId").is(query.tenantId()).and("guardianId").is(document.id));
            dependants.fields().include("_id");
            List<String> dependantIds = mongo.find(dependants.with(Sort.by("_id")), ParticipantDocument.class, COLLECTION)
                    .stream().map(dependant -> dependant.id).toList();
            List<ConsentRecord> consents = document.consents.stream()
                    .map(entry -> new ConsentRecord(entry.purpose, entry.givenBy, entry.givenAt, entry.recordedBy,
                            entry.withdrawnAt != null, entry.withdrawnAt, entry.withdrawnBy, entry.replacedAt))
                    .toList();
            return new ParticipantExport(document.id, document.erased, document.erasedAt, document.erasureReason,
                    document.registeredAt, document.registeredBy, document.lastCorrectedAt, document.fullName,
                    date(document.birthDate), document.birthYear, document.gender, document.countryOfOrigin,
                    List.copyOf(document.languages), document.town, Set.copyOf(document.reachGroups), consents,
                    new HouseholdLinks(document.guardianId, dependantIds), document.version);
        });
    }

    private Optional<ParticipantDocument> find(String tenantId, String participantId) {
        return Optional.ofNullable(mongo.findOne(
                query(where("_id").is(participantId).and("tenantId").is(tenantId)), ParticipantDocument.class, COLLECTION));
    }

    private void update(String participantId, long sequence, Consumer<ParticipantDocument> change) {
        ParticipantDocument document = mongo.findById(participantId, ParticipantDocument.class, COLLECTION);
        if (document == null || document.version >= sequence) {
            return;
        }
        change.accept(document);
        document.version = sequence;
        mongo.save(document, COLLECTION);
    }

    private static void setName(ParticipantDocument document, String fullName) {
        // after erasure the ledger hands personal fields back as null
        document.fullName = fullName == null ? PersonalData.ERASED : fullName;
        document.sortName = document.fullName.toLowerCase(Locale.ROOT);
    }

    private static String corrected(String value, String current, ParticipantCorrected event, String field) {
        if (value != null) {
            return value;
        }
        return event.cleared().contains(field) ? null : current;
    }

    private static LocalDate date(String isoDate) {
        return isoDate == null ? null : LocalDate.parse(isoDate);
    }

    private static ParticipantView view(ParticipantDocument document) {
        List<ConsentInForce> consents = document.consents.stream()
                .filter(ParticipantDocument.ConsentEntry::inForce)
                .map(entry -> new ConsentInForce(entry.purpose, entry.givenBy, entry.givenAt, entry.recordedBy))
                .toList();
        return new ParticipantView(document.id, document.fullName, date(document.birthDate), document.birthYear,
                document.gender, document.countryOfOrigin, List.copyOf(document.languages), document.town,
                document.guardianId, Set.copyOf(document.reachGroups), consents, document.erased,
                document.registeredAt, document.version);
    }
}
