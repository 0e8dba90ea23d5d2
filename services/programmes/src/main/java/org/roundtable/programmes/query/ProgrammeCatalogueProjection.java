package org.roundtable.programmes.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.roundtable.programmes.api.ActivityKind;
import org.roundtable.programmes.api.ActivityPlanned;
import org.roundtable.programmes.api.ActivityRescheduled;
import org.roundtable.programmes.api.ActivityRetired;
import org.roundtable.programmes.api.ActivityView;
import org.roundtable.programmes.api.FindActivities;
import org.roundtable.programmes.api.FindActivity;
import org.roundtable.programmes.api.FindActivityVersion;
import org.roundtable.programmes.api.FindProgramme;
import org.roundtable.programmes.api.FindProgrammeVersion;
import org.roundtable.programmes.api.FindProgrammes;
import org.roundtable.programmes.api.FindQuestionnaire;
import org.roundtable.programmes.api.FindQuestionnaireVersion;
import org.roundtable.programmes.api.Funding;
import org.roundtable.programmes.api.ProgrammeClosed;
import org.roundtable.programmes.api.ProgrammeLaunched;
import org.roundtable.programmes.api.ProgrammeTargetsChanged;
import org.roundtable.programmes.api.ProgrammeView;
import org.roundtable.programmes.api.QuestionnaireReturned;
import org.roundtable.programmes.api.QuestionnaireSent;
import org.roundtable.programmes.api.QuestionnaireView;
import org.roundtable.programmes.api.Target;
import org.roundtable.programmes.api.WeeklySchedule;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The programme catalogue: programmes, their activities and questionnaires, one document each,
 * scoped by tenant. Handlers skip events whose aggregate sequence is not newer than the document's,
 * so redelivery and replays converge on the same documents.
 */
@Component
@ProcessingGroup(ProgrammeCatalogueProjection.PROCESSING_GROUP)
public class ProgrammeCatalogueProjection {

    public static final String PROCESSING_GROUP = "programme-catalogue";
    static final String PROGRAMMES = "programme_catalogue";
    static final String ACTIVITIES = "activity_catalogue";
    static final String QUESTIONNAIRES = "questionnaire_catalogue";

    private final MongoTemplate mongo;

    public ProgrammeCatalogueProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        // tenantId leads every index: every query filters by it, and it is the future shard key.
        mongo.indexOps(PROGRAMMES).ensureIndex(new CompoundIndexDefinition(new Document("tenantId", 1).append("startDate", -1)));
        mongo.indexOps(ACTIVITIES).ensureIndex(new CompoundIndexDefinition(new Document("tenantId", 1).append("programmeId", 1)));
        mongo.indexOps(QUESTIONNAIRES).ensureIndex(new CompoundIndexDefinition(new Document("tenantId", 1).append("programmeId", 1)));
    }

    @EventHandler
    void on(ProgrammeLaunched event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (mongo.exists(query(where("_id").is(event.programmeId())), PROGRAMMES)) {
            return;
        }
        ProgrammeDocument document = new ProgrammeDocument();
        document.id = event.programmeId();
        document.tenantId = event.tenantId();
        document.name = event.name();
        document.startDate = event.startDate().toString();
        document.endDate = event.endDate().toString();
        document.towns = new ArrayList<>(event.towns());
        document.fundersJson = Json.write(event.funders());
        document.targetsJson = Json.write(event.targets());
        document.launchedAt = at;
        document.version = sequence;
        mongo.insert(document, PROGRAMMES);
    }

    @EventHandler
    void on(ProgrammeTargetsChanged event, @SequenceNumber long sequence) {
        update(PROGRAMMES, ProgrammeDocument.class, event.programmeId(), sequence,
                document -> document.targetsJson = Json.write(event.targets()), document -> document.version,
                (document, version) -> document.version = version);
    }

    @EventHandler
    void on(ProgrammeClosed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(PROGRAMMES, ProgrammeDocument.class, event.programmeId(), sequence, document -> {
            document.closed = true;
            document.closedAt = at;
        }, document -> document.version, (document, version) -> document.version = version);
    }

    @EventHandler
    void on(ActivityPlanned event, @SequenceNumber long sequence) {
        if (mongo.exists(query(where("_id").is(event.activityId())), ACTIVITIES)) {
            return;
        }
        ActivityDocument document = new ActivityDocument();
        document.id = event.activityId();
        document.tenantId = event.tenantId();
        document.programmeId = event.programmeId();
        document.name = event.name();
        document.kind = event.kind().name();
        document.audience = event.audience();
        document.town = event.town();
        document.venue = event.venue();
        document.scheduleJson = Json.write(event.schedule());
        document.languages = new ArrayList<>(event.languages());
        document.simpleLanguage = event.simpleLanguage();
        document.partnerOrganisationIds = new LinkedHashSet<>(event.partnerOrganisationIds());
        document.version = sequence;
        mongo.insert(document, ACTIVITIES);
    }

    @EventHandler
    void on(ActivityRescheduled event, @SequenceNumber long sequence) {
        update(ACTIVITIES, ActivityDocument.class, event.activityId(), sequence,
                document -> document.scheduleJson = Json.write(event.schedule()), document -> document.version,
                (document, version) -> document.version = version);
    }

    @EventHandler
    void on(ActivityRetired event, @SequenceNumber long sequence) {
        update(ACTIVITIES, ActivityDocument.class, event.activityId(), sequence,
                document -> document.retiredFrom = event.from().toString(), document -> document.version,
                (document, version) -> document.version = version);
    }

    @EventHandler
    void on(QuestionnaireSent event, @SequenceNumber long sequence) {
        if (mongo.exists(query(where("_id").is(event.questionnaireId())), QUESTIONNAIRES)) {
            return;
        }
        QuestionnaireDocument document = new QuestionnaireDocument();
        document.id = event.questionnaireId();
        document.tenantId = event.tenantId();
        document.programmeId = event.programmeId();
        document.title = event.title();
        document.simpleLanguage = event.simpleLanguage();
        document.sentOn = event.sentOn().toString();
        document.recipientIds = new ArrayList<>(event.recipientIds());
        document.version = sequence;
        mongo.insert(document, QUESTIONNAIRES);
    }

    @EventHandler
    void on(QuestionnaireReturned event, @SequenceNumber long sequence) {
        update(QUESTIONNAIRES, QuestionnaireDocument.class, event.questionnaireId(), sequence, document -> {
            if (!document.returnedBy.contains(event.participantId())) {
                document.returnedBy.add(event.participantId());
            }
        }, document -> document.version, (document, version) -> document.version = version);
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), PROGRAMMES);
        mongo.remove(new Query(), ACTIVITIES);
        mongo.remove(new Query(), QUESTIONNAIRES);
    }

    @QueryHandler
    Optional<ProgrammeView> handle(FindProgramme query) {
        return Optional.ofNullable(programme(mongo, query.tenantId(), query.programmeId()))
                .map(ProgrammeCatalogueProjection::view);
    }

    @QueryHandler
    List<ProgrammeView> handle(FindProgrammes query) {
        return mongo.find(query(where("tenantId").is(query.tenantId())), ProgrammeDocument.class, PROGRAMMES).stream()
                .sorted(Comparator.comparing((ProgrammeDocument document) -> document.startDate).reversed()
                        .thenComparing(document -> document.id))
                .map(ProgrammeCatalogueProjection::view)
                .toList();
    }

    @QueryHandler
    Long handle(FindProgrammeVersion query) {
        ProgrammeDocument document = programme(mongo, query.tenantId(), query.programmeId());
        return document == null ? -1L : document.version;
    }

    @QueryHandler
    Optional<ActivityView> handle(FindActivity query) {
        return Optional.ofNullable(mongo.findOne(byTenant(query.tenantId(), query.activityId()), ActivityDocument.class,
                ACTIVITIES)).map(ProgrammeCatalogueProjection::view);
    }

    @QueryHandler
    List<ActivityView> handle(FindActivities query) {
        return activities(mongo, query.tenantId(), query.programmeId()).stream()
                .map(ProgrammeCatalogueProjection::view)
                .toList();
    }

    @QueryHandler
    Long handle(FindActivityVersion query) {
        ActivityDocument document = mongo.findOne(byTenant(query.tenantId(), query.activityId()), ActivityDocument.class,
                ACTIVITIES);
        return document == null ? -1L : document.version;
    }

    @QueryHandler
    Optional<QuestionnaireView> handle(FindQuestionnaire query) {
        return Optional.ofNullable(mongo.findOne(byTenant(query.tenantId(), query.questionnaireId()),
                QuestionnaireDocument.class, QUESTIONNAIRES)).map(ProgrammeCatalogueProjection::view);
    }

    @QueryHandler
    Long handle(FindQuestionnaireVersion query) {
        QuestionnaireDocument document = mongo.findOne(byTenant(query.tenantId(), query.questionnaireId()),
                QuestionnaireDocument.class, QUESTIONNAIRES);
        return document == null ? -1L : document.version;
    }

    static ProgrammeDocument programme(MongoTemplate mongo, String tenantId, String programmeId) {
        return mongo.findOne(byTenant(tenantId, programmeId), ProgrammeDocument.class, PROGRAMMES);
    }

    static List<ProgrammeDocument> programmes(MongoTemplate mongo, String tenantId) {
        return mongo.find(query(where("tenantId").is(tenantId)), ProgrammeDocument.class, PROGRAMMES);
    }

    static List<ActivityDocument> activities(MongoTemplate mongo, String tenantId, String programmeId) {
        var criteria = where("tenantId").is(tenantId);
        if (programmeId != null) {
            criteria = criteria.and("programmeId").is(programmeId);
        }
        return mongo.find(query(criteria), ActivityDocument.class, ACTIVITIES).stream()
                .sorted(Comparator.comparing((ActivityDocument document) -> document.name).thenComparing(document -> document.id))
                .toList();
    }

    static List<QuestionnaireDocument> questionnaires(MongoTemplate mongo, String tenantId, String programmeId) {
        return mongo.find(query(where("tenantId").is(tenantId).and("programmeId").is(programmeId)),
                QuestionnaireDocument.class, QUESTIONNAIRES);
    }

    static List<Target> targets(ProgrammeDocument document) {
        return Json.read(document.targetsJson, new TypeReference<List<Target>>() { });
    }

    static WeeklySchedule schedule(ActivityDocument document) {
        return Json.read(document.scheduleJson, WeeklySchedule.class);
    }

    static double rate(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(part * 1000.0 / whole) / 10.0;
    }

    private static Query byTenant(String tenantId, String id) {
        return query(where("_id").is(id).and("tenantId").is(tenantId));
    }

    private <T> void update(String collection, Class<T> type, String id, long sequence, Consumer<T> change,
                            java.util.function.ToLongFunction<T> version,
                            java.util.function.ObjLongConsumer<T> setVersion) {
        T document = mongo.findById(id, type, collection);
        if (document == null || version.applyAsLong(document) >= sequence) {
            return;
        }
        change.accept(document);
        setVersion.accept(document, sequence);
        mongo.save(document, collection);
    }

    private static ProgrammeView view(ProgrammeDocument document) {
        return new ProgrammeView(document.id, document.name, LocalDate.parse(document.startDate),
                LocalDate.parse(document.endDate), List.copyOf(document.towns),
                Json.read(document.fundersJson, new TypeReference<List<Funding>>() { }), targets(document),
                document.closed, document.launchedAt, document.closedAt, document.version);
    }

    private static ActivityView view(ActivityDocument document) {
        return new ActivityView(document.id, document.programmeId, document.name, ActivityKind.valueOf(document.kind),
                document.audience, document.town, document.venue, schedule(document), List.copyOf(document.languages),
                document.simpleLanguage, java.util.Set.copyOf(document.partnerOrganisationIds),
                document.retiredFrom == null ? null : LocalDate.parse(document.retiredFrom), document.version);
    }

    private static QuestionnaireView view(QuestionnaireDocument document) {
        return new QuestionnaireView(document.id, document.programmeId, document.title, document.simpleLanguage,
                LocalDate.parse(document.sentOn), List.copyOf(document.recipientIds), List.copyOf(document.returnedBy),
                rate(document.returnedBy.size(), document.recipientIds.size()), document.version);
    }
}
