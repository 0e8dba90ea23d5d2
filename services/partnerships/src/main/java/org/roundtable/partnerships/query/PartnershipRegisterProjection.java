package org.roundtable.partnerships.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.roundtable.participants.api.ParticipantErased;
import org.roundtable.partnerships.api.CountPartnerships;
import org.roundtable.partnerships.api.CountPartnershipsByPurpose;
import org.roundtable.partnerships.api.FindPartnership;
import org.roundtable.partnerships.api.FindPartnershipMeetings;
import org.roundtable.partnerships.api.FindPartnershipVersion;
import org.roundtable.partnerships.api.FindPartnerships;
import org.roundtable.partnerships.api.PartnershipCheckedIn;
import org.roundtable.partnerships.api.PartnershipCounts;
import org.roundtable.partnerships.api.PartnershipEnded;
import org.roundtable.partnerships.api.PartnershipFormed;
import org.roundtable.partnerships.api.PartnershipMeetingLogged;
import org.roundtable.partnerships.api.PartnershipMeetings;
import org.roundtable.partnerships.api.PartnershipPage;
import org.roundtable.partnerships.api.PartnershipPurpose;
import org.roundtable.partnerships.api.PartnershipStatus;
import org.roundtable.partnerships.api.PartnershipView;
import org.roundtable.partnerships.api.PurposeTally;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The partnership register: one document per partnership, scoped by tenant, with its meetings and
 * check-ins, serving the active and ended lists, a participant's partnerships, meetings, the purpose
 * tally and a programme's figures. Partnership events are applied only if their aggregate sequence
 * is newer than the document's. A partner's erasure (from the participants context) marks them
 * erased; the partnership keeps counting.
 */
@Component
@ProcessingGroup(PartnershipRegisterProjection.PROCESSING_GROUP)
public class PartnershipRegisterProjection {

    public static final String PROCESSING_GROUP = "partnership-register";
    static final String COLLECTION = "partnerships";
    static final String ERASED_COLLECTION = "partnership_erased_partners";

    private final MongoTemplate mongo;

    public PartnershipRegisterProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        // tenantId leads every index: every query filters by it, and it is the future shard key.
        indexes.ensureIndex(new CompoundIndexDefinition(new Document("tenantId", 1).append("formedOn", -1).append("_id", 1)));
        indexes.ensureIndex(new CompoundIndexDefinition(new Document("tenantId", 1).append("partnerIds", 1)));
        indexes.ensureIndex(new CompoundIndexDefinition(new Document("tenantId", 1).append("programmeId", 1).append("formedOn", 1)));
        indexes.ensureIndex(new CompoundIndexDefinition(new Document("tenantId", 1).append("status", 1).append("purposes", 1)));
    }

    @EventHandler
    void on(PartnershipFormed event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_ID) String actor) {
        if (mongo.exists(query(where("_id").is(event.partnershipId())), COLLECTION)) {
            return;
        }
        PartnershipDocument document = new PartnershipDocument();
        document.id = event.partnershipId();
        document.tenantId = event.tenantId();
        document.partnerIds = new ArrayList<>(List.of(event.firstPartnerId(), event.secondPartnerId()));
        for (String partner : document.partnerIds) {
            if (mongo.exists(query(where("_id").is(partner).and("tenantId").is(event.tenantId())), ERASED_COLLECTION)) {
                document.erasedPartnerIds.add(partner);
            }
        }
        document.purposes = event.purposes().stream().sorted().toList();
        document.coordinatorId = event.coordinatorId();
        document.programmeId = event.programmeId();
        document.formedOn = event.formedOn().toString();
        document.status = PartnershipStatus.ACTIVE;
        document.formedAt = at;
        document.formedBy = actor;
        document.version = sequence;
        mongo.insert(document, COLLECTION);
    }

    @EventHandler
    void on(PartnershipMeetingLogged event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_ID) String actor) {
        update(event.partnershipId(), sequence, document -> {
            PartnershipDocument.Meeting meeting = new PartnershipDocument.Meeting();
            meeting.id = event.meetingId();
            meeting.date = event.meetingDate().toString();
            meeting.activity = event.activity();
            meeting.loggedAt = at;
            meeting.loggedBy = actor;
            document.meetings.add(meeting);
        });
    }

    @EventHandler
    void on(PartnershipCheckedIn event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_ID) String actor) {
        update(event.partnershipId(), sequence, document -> {
            PartnershipDocument.CheckIn checkIn = new PartnershipDocument.CheckIn();
            checkIn.id = event.checkInId();
            checkIn.date = event.checkedOn().toString();
            checkIn.assessment = event.assessment();
            checkIn.note = event.note();
            checkIn.recordedAt = at;
            checkIn.recordedBy = actor;
            document.checkIns.add(checkIn);
        });
    }

    @EventHandler
    void on(PartnershipEnded event, @SequenceNumber long sequence) {
        update(event.partnershipId(), sequence, document -> {
            document.status = PartnershipStatus.ENDED;
            document.endedOn = event.endedOn().toString();
            document.outcome = event.outcome();
            document.endReason = event.reason();
        });
    }

    /** Setting a flag is idempotent, so this event (of another aggregate) needs no sequence check. */
    @EventHandler
    void on(ParticipantErased event, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId) {
        ErasedPartnerDocument erased = new ErasedPartnerDocument();
        erased.id = event.participantId();
        erased.tenantId = tenantId;
        erased.erasedAt = at;
        mongo.save(erased, ERASED_COLLECTION);
        Criteria partners = where("partnerIds").is(event.participantId());
        if (tenantId != null) {
            partners = where("tenantId").is(tenantId).and("partnerIds").is(event.participantId());
        }
        mongo.updateMulti(query(partners), new Update().addToSet("erasedPartnerIds", event.participantId()), COLLECTION);
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), COLLECTION);
        mongo.remove(new Query(), ERASED_COLLECTION);
    }

    @QueryHandler
    Optional<PartnershipView> handle(FindPartnership query) {
        return find(query.tenantId(), query.partnershipId()).map(PartnershipRegisterProjection::view);
    }

    @QueryHandler
    Long handle(FindPartnershipVersion query) {
        Query byId = query(where("_id").is(query.partnershipId()).and("tenantId").is(query.tenantId()));
        byId.fields().include("version");
        PartnershipDocument document = mongo.findOne(byId, PartnershipDocument.class, COLLECTION);
        return document == null ? -1L : document.version;
    }

    @QueryHandler
    PartnershipPage handle(FindPartnerships query) {
        Criteria criteria = where("tenantId").is(query.tenantId());
        if (query.status() != null) {
            criteria = criteria.and("status").is(query.status());
        }
        if (query.purpose() != null) {
            criteria = criteria.and("purposes").is(query.purpose());
        }
        if (query.participantId() != null) {
            criteria = criteria.and("partnerIds").is(query.participantId());
        }
        if (query.programmeId() != null) {
            criteria = criteria.and("programmeId").is(query.programmeId());
        }
        Query filter = query(criteria);
        long total = mongo.count(filter, COLLECTION);
        filter.with(Sort.by(Sort.Order.desc("formedOn"), Sort.Order.asc("_id")))
                .skip((long) query.page() * query.size()).limit(query.size());
        List<PartnershipView> items = mongo.find(filter, PartnershipDocument.class, COLLECTION).stream()
                .map(PartnershipRegisterProjection::view)
                .toList();
        return new PartnershipPage(items, query.page(), query.size(), total);
    }

    @QueryHandler
    Optional<PartnershipMeetings> handle(FindPartnershipMeetings query) {
        return find(query.tenantId(), query.partnershipId()).map(document -> new PartnershipMeetings(document.id,
                document.meetings.stream()
                        .sorted(Comparator.comparing((PartnershipDocument.Meeting meeting) -> meeting.date))
                        .map(meeting -> new PartnershipMeetings.Meeting(meeting.id, LocalDate.parse(meeting.date),
                                meeting.activity, meeting.loggedAt, meeting.loggedBy))
                        .toList()));
    }

    @QueryHandler
    PartnershipCounts handle(CountPartnerships query) {
        String from = query.from().toString();
        String to = query.to().toString();
        Query candidates = query(where("tenantId").is(query.tenantId()).and("programmeId").is(query.programmeId())
                .and("formedOn").lte(to));
        candidates.fields().include("formedOn").include("endedOn");
        long formed = 0;
        long active = 0;
        long ended = 0;
        for (PartnershipDocument document : mongo.find(candidates, PartnershipDocument.class, COLLECTION)) {
            if (document.formedOn.compareTo(from) >= 0) {
                formed++;
            }
            if (document.endedOn == null || document.endedOn.compareTo(from) >= 0) {
                active++;
            }
            if (document.endedOn != null && document.endedOn.compareTo(from) >= 0 && document.endedOn.compareTo(to) <= 0) {
                ended++;
            }
        }
        return new PartnershipCounts(formed, active, ended);
    }

    @QueryHandler
    List<PurposeTally> handle(CountPartnershipsByPurpose query) {
        Query all = query(where("tenantId").is(query.tenantId()));
        all.fields().include("purposes").include("status");
        Map<PartnershipPurpose, long[]> tally = new EnumMap<>(PartnershipPurpose.class);
        for (PartnershipPurpose purpose : PartnershipPurpose.values()) {
            tally.put(purpose, new long[2]);
        }
        for (PartnershipDocument document : mongo.find(all, PartnershipDocument.class, COLLECTION)) {
            int column = document.status == PartnershipStatus.ACTIVE ? 0 : 1;
            for (PartnershipPurpose purpose : document.purposes) {
                tally.get(purpose)[column]++;
            }
        }
        return tally.entrySet().stream()
                .map(entry -> new PurposeTally(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .toList();
    }

    private Optional<PartnershipDocument> find(String tenantId, String partnershipId) {
        return Optional.ofNullable(mongo.findOne(query(where("_id").is(partnershipId).and("tenantId").is(tenantId)),
                PartnershipDocument.class, COLLECTION));
    }

    private void update(String partnershipId, long sequence, Consumer<PartnershipDocument> change) {
        PartnershipDocument document = mongo.findById(partnershipId, PartnershipDocument.class, COLLECTION);
        if (document == null || document.version >= sequence) {
            return;
        }
        change.accept(document);
        document.version = sequence;
        mongo.save(document, COLLECTION);
    }

    private static LocalDate date(String isoDate) {
        return isoDate == null ? null : LocalDate.parse(isoDate);
    }

    private static PartnershipView view(PartnershipDocument document) {
        List<PartnershipView.Partner> partners = document.partnerIds.stream()
                .map(id -> new PartnershipView.Partner(id, null, document.erasedPartnerIds.contains(id)))
                .toList();
        String lastMeeting = document.meetings.stream().map(meeting -> meeting.date)
                .max(Comparator.naturalOrder()).orElse(null);
        List<PartnershipView.CheckIn> checkIns = document.checkIns.stream()
                .sorted(Comparator.comparing((PartnershipDocument.CheckIn checkIn) -> checkIn.date))
                .map(checkIn -> new PartnershipView.CheckIn(checkIn.id, LocalDate.parse(checkIn.date),
                        checkIn.assessment, checkIn.note, checkIn.recordedAt, checkIn.recordedBy))
                .toList();
        return new PartnershipView(document.id, partners, List.copyOf(document.purposes),
                document.coordinatorId, document.programmeId, date(document.formedOn), document.status,
                date(document.endedOn), document.outcome, document.endReason, document.meetings.size(),
                date(lastMeeting), checkIns, document.formedAt, document.formedBy, document.version);
    }
}
