package org.roundtable.partnerships.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.partnerships.api.AssociationDevelopment;
import org.roundtable.partnerships.api.AssociationMilestoneReached;
import org.roundtable.partnerships.api.AssociationSupportRecorded;
import org.roundtable.partnerships.api.FindAssociationDevelopment;
import org.roundtable.partnerships.api.FindOrganisation;
import org.roundtable.partnerships.api.FindOrganisationVersion;
import org.roundtable.partnerships.api.FindOrganisations;
import org.roundtable.partnerships.api.Milestone;
import org.roundtable.partnerships.api.OrganisationArchived;
import org.roundtable.partnerships.api.OrganisationKind;
import org.roundtable.partnerships.api.OrganisationPage;
import org.roundtable.partnerships.api.OrganisationRegistered;
import org.roundtable.partnerships.api.OrganisationStatus;
import org.roundtable.partnerships.api.OrganisationUpdated;
import org.roundtable.partnerships.api.OrganisationView;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The partner-organisation registry and each association's development: one document per
 * organisation, scoped by tenant, with its support and milestones as a timeline. Handlers skip any
 * event whose aggregate sequence is not newer than the document's, so redelivery and replays converge.
 */
@Component
@ProcessingGroup(OrganisationRegistryProjection.PROCESSING_GROUP)
public class OrganisationRegistryProjection {

    public static final String PROCESSING_GROUP = "partner-organisations";
    static final String COLLECTION = "partner_organisations";
    static final String SUPPORT = "support";
    static final String MILESTONE = "milestone";

    private final MongoTemplate mongo;

    public OrganisationRegistryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        // tenantId leads every index: every query filters by it, and it is the future shard key.
        indexes.ensureIndex(new CompoundIndexDefinition(new Document("tenantId", 1).append("sortName", 1).append("_id", 1)));
        indexes.ensureIndex(new CompoundIndexDefinition(new Document("tenantId", 1).append("kind", 1).append("status", 1)));
    }

    @EventHandler
    void on(OrganisationRegistered event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_ID) String actor) {
        if (mongo.exists(query(where("_id").is(event.organisationId())), COLLECTION)) {
            return;
        }
        OrganisationDocument document = new OrganisationDocument();
        document.id = event.organisationId();
        document.tenantId = event.tenantId();
        setDetails(document, event.name(), event.kind(), event.town(), event.roleContact());
        document.status = OrganisationStatus.ACTIVE;
        document.registeredAt = at;
        document.registeredBy = actor;
        document.version = sequence;
        mongo.insert(document, COLLECTION);
    }

    @EventHandler
    void on(OrganisationUpdated event, @SequenceNumber long sequence) {
        update(event.organisationId(), sequence,
                document -> setDetails(document, event.name(), event.kind(), event.town(), event.roleContact()));
    }

    @EventHandler
    void on(OrganisationArchived event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.organisationId(), sequence, document -> {
            document.status = OrganisationStatus.ARCHIVED;
            document.archivedAt = at;
            document.archiveReason = event.reason();
        });
    }

    @EventHandler
    void on(AssociationSupportRecorded event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_ID) String actor) {
        update(event.organisationId(), sequence, document -> {
            OrganisationDocument.Entry entry = entry(event.supportId(), SUPPORT, event.kind().code(), event.givenOn(),
                    event.note(), at, actor);
            entry.amount = event.amount() == null ? null : event.amount().toPlainString();
            entry.currency = event.currency();
            document.timeline.add(entry);
        });
    }

    @EventHandler
    void on(AssociationMilestoneReached event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_ID) String actor) {
        update(event.organisationId(), sequence, document -> document.timeline.add(entry(event.milestoneId(),
                MILESTONE, event.milestone().code(), event.reachedOn(), event.evidence(), at, actor)));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), COLLECTION);
    }

    @QueryHandler
    Optional<OrganisationView> handle(FindOrganisation query) {
        return find(query.tenantId(), query.organisationId()).map(OrganisationRegistryProjection::view);
    }

    @QueryHandler
    Long handle(FindOrganisationVersion query) {
        Query byId = query(where("_id").is(query.organisationId()).and("tenantId").is(query.tenantId()));
        byId.fields().include("version");
        OrganisationDocument document = mongo.findOne(byId, OrganisationDocument.class, COLLECTION);
        return document == null ? -1L : document.version;
    }

    @QueryHandler
    OrganisationPage handle(FindOrganisations query) {
        Criteria criteria = where("tenantId").is(query.tenantId());
        if (query.kind() != null) {
            criteria = criteria.and("kind").is(query.kind());
        }
        if (query.status() != null) {
            criteria = criteria.and("status").is(query.status());
        }
        Query filter = query(criteria);
        long total = mongo.count(filter, COLLECTION);
        filter.fields().exclude("timeline");
        filter.with(Sort.by("sortName", "_id")).skip((long) query.page() * query.size()).limit(query.size());
        List<OrganisationView> items = mongo.find(filter, OrganisationDocument.class, COLLECTION).stream()
                .map(OrganisationRegistryProjection::view)
                .toList();
        return new OrganisationPage(items, query.page(), query.size(), total);
    }

    @QueryHandler
    Optional<AssociationDevelopment> handle(FindAssociationDevelopment query) {
        return find(query.tenantId(), query.organisationId()).map(OrganisationRegistryProjection::development);
    }

    private Optional<OrganisationDocument> find(String tenantId, String organisationId) {
        return Optional.ofNullable(mongo.findOne(query(where("_id").is(organisationId).and("tenantId").is(tenantId)),
                OrganisationDocument.class, COLLECTION));
    }

    private void update(String organisationId, long sequence, Consumer<OrganisationDocument> change) {
        OrganisationDocument document = mongo.findById(organisationId, OrganisationDocument.class, COLLECTION);
        if (document == null || document.version >= sequence) {
            return;
        }
        change.accept(document);
        document.version = sequence;
        mongo.save(document, COLLECTION);
    }

    private static void setDetails(OrganisationDocument document, String name,
                                   OrganisationKind kind, String town,
                                   String roleContact) {
        document.name = name;
        document.sortName = name.toLowerCase(Locale.ROOT);
        document.kind = kind;
        document.town = town;
        document.roleContact = roleContact;
    }

    private static OrganisationDocument.Entry entry(String id, String type, String what, LocalDate date, String note,
                                                    Instant at, String actor) {
        OrganisationDocument.Entry entry = new OrganisationDocument.Entry();
        entry.id = id;
        entry.type = type;
        entry.what = what;
        entry.date = date.toString();
        entry.note = note;
        entry.recordedAt = at;
        entry.recordedBy = actor;
        return entry;
    }

    private static OrganisationView view(OrganisationDocument document) {
        return new OrganisationView(document.id, document.name, document.kind, document.town, document.roleContact,
                document.status, document.registeredAt, document.archivedAt, document.archiveReason, document.version);
    }

    private static AssociationDevelopment development(OrganisationDocument document) {
        // ISO dates sort as text; ties keep the order in which they were recorded
        List<OrganisationDocument.Entry> ordered = new ArrayList<>(document.timeline);
        ordered.sort(Comparator.comparing((OrganisationDocument.Entry entry) -> entry.date));
        List<AssociationDevelopment.Entry> timeline = new ArrayList<>();
        Map<Milestone, AssociationDevelopment.Reached> reached = new EnumMap<>(Milestone.class);
        List<AssociationDevelopment.Reached> others = new ArrayList<>();
        Map<String, BigDecimal> funding = new TreeMap<>();
        for (OrganisationDocument.Entry entry : ordered) {
            BigDecimal amount = entry.amount == null ? null : new BigDecimal(entry.amount);
            timeline.add(new AssociationDevelopment.Entry(entry.id, LocalDate.parse(entry.date), entry.type, entry.what,
                    amount, entry.currency, entry.note, entry.recordedAt, entry.recordedBy));
            if (MILESTONE.equals(entry.type)) {
                Milestone milestone = Milestone.fromCode(entry.what);
                AssociationDevelopment.Reached step =
                        new AssociationDevelopment.Reached(milestone, LocalDate.parse(entry.date), entry.note);
                if (milestone.reachedOnce()) {
                    reached.putIfAbsent(milestone, step);
                } else {
                    others.add(step);
                }
            } else if (amount != null) {
                funding.merge(entry.currency, amount, BigDecimal::add);
            }
        }
        List<AssociationDevelopment.Reached> milestones = new ArrayList<>(reached.values());
        milestones.addAll(others);
        milestones.sort(Comparator.comparing(AssociationDevelopment.Reached::reachedOn));
        List<AssociationDevelopment.Funding> totals = funding.entrySet().stream()
                .map(total -> new AssociationDevelopment.Funding(total.getKey(), total.getValue()))
                .toList();
        return new AssociationDevelopment(document.id, document.name, document.kind, document.status, timeline,
                milestones, totals, document.version);
    }
}
