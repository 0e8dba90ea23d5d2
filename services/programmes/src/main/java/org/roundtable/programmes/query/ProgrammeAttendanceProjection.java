package org.roundtable.programmes.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.roundtable.programmes.api.ActivityKind;
import org.roundtable.programmes.api.AttendanceCorrected;
import org.roundtable.programmes.api.AttendanceRecord;
import org.roundtable.programmes.api.FamilyCheckIn;
import org.roundtable.programmes.api.FindAttendanceHistory;
import org.roundtable.programmes.api.FindSession;
import org.roundtable.programmes.api.FindSessionVersion;
import org.roundtable.programmes.api.Headcount;
import org.roundtable.programmes.api.RegisteredAttendeeAttached;
import org.roundtable.programmes.api.SessionCancelled;
import org.roundtable.programmes.api.SessionFeedbackRecorded;
import org.roundtable.programmes.api.SessionHeld;
import org.roundtable.programmes.api.SessionView;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Sessions and the precomputed figures built from them. Three collections:
 * <ul>
 *   <li>{@code programme_sessions}: one register per session (idempotent by aggregate sequence);</li>
 *   <li>{@code programme_days}: per programme and day, each held session's contribution (kind,
 *       attendances, headcounts), so sessions, events, attendances and headcounts of a period are
 *       summed from at most one document per day;</li>
 *   <li>{@code programme_reach}: per programme and participant, the sessions they attended with
 *       their dates and the first and last date, the set of distinct people reached.</li>
 * </ul>
 * Contributions are keyed by session id and written before the register, so a redelivered event
 * rewrites the same values instead of counting twice, and distinct sessions can be processed in
 * parallel segments: every write to a shared document is a single atomic field update.
 */
@Component
@ProcessingGroup(ProgrammeAttendanceProjection.PROCESSING_GROUP)
public class ProgrammeAttendanceProjection {

    public static final String PROCESSING_GROUP = "programme-attendance";
    static final String SESSIONS = "programme_sessions";
    static final String DAYS = "programme_days";
    static final String REACH = "programme_reach";
    private static final int MAX_RETRIES = 20;

    private final MongoTemplate mongo;

    public ProgrammeAttendanceProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(SESSIONS).ensureIndex(new CompoundIndexDefinition(new Document("tenantId", 1).append("activityId", 1).append("date", 1)));
        mongo.indexOps(REACH).ensureIndex(new CompoundIndexDefinition(new Document("tenantId", 1).append("programmeId", 1).append("firstDate", 1)));
        mongo.indexOps(REACH).ensureIndex(new CompoundIndexDefinition(new Document("tenantId", 1).append("participantId", 1)));
    }

    @EventHandler
    void on(SessionHeld event, @SequenceNumber long sequence) {
        if (mongo.exists(query(where("_id").is(event.sessionId())), SESSIONS)) {
            return;
        }
        SessionDocument document = new SessionDocument();
        document.id = event.sessionId();
        document.tenantId = event.tenantId();
        document.programmeId = event.programmeId();
        document.activityId = event.activityId();
        document.kind = event.kind().name();
        document.oneOff = event.oneOff();
        document.title = event.title();
        document.town = event.town();
        document.date = event.date().toString();
        document.facilitatorIds = new ArrayList<>(event.facilitatorIds());
        document.attendees = new ArrayList<>(event.attendees());
        document.familiesJson = Json.write(event.families());
        document.headcountsJson = Json.write(merged(event.headcounts()));
        document.version = sequence;
        contribute(Set.of(), document);
        mongo.save(document, SESSIONS);
    }

    @EventHandler
    void on(AttendanceCorrected event, @SequenceNumber long sequence) {
        update(event.sessionId(), sequence, document -> {
            document.attendees.removeAll(event.removed());
            event.added().stream().filter(id -> !document.attendees.contains(id)).forEach(document.attendees::add);
            Map<String, Headcount> headcounts = headcounts(document);
            for (Headcount headcount : event.headcounts()) {
                if (headcount.count() == 0) {
                    headcounts.remove(headcount.group());
                } else {
                    headcounts.put(headcount.group(), headcount);
                }
            }
            document.headcountsJson = Json.write(List.copyOf(headcounts.values()));
        });
    }

    @EventHandler
    void on(RegisteredAttendeeAttached event, @SequenceNumber long sequence) {
        update(event.sessionId(), sequence, document -> {
            if (!document.attendees.contains(event.participantId())) {
                document.attendees.add(event.participantId());
            }
            Map<String, Headcount> headcounts = headcounts(document);
            Headcount counted = headcounts.get(event.group());
            if (counted != null && counted.count() > 1) {
                headcounts.put(event.group(), new Headcount(counted.reachGroup(), counted.organisationId(), counted.count() - 1));
            } else {
                headcounts.remove(event.group());
            }
            document.headcountsJson = Json.write(List.copyOf(headcounts.values()));
        });
    }

    @EventHandler
    void on(SessionCancelled event, @SequenceNumber long sequence) {
        update(event.sessionId(), sequence, document -> {
            document.cancelled = true;
            document.cancellationReason = event.reason();
        });
    }

    @EventHandler
    void on(SessionFeedbackRecorded event, @SequenceNumber long sequence) {
        update(event.sessionId(), sequence, document -> document.feedback.add(event.note()));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), SESSIONS);
        mongo.remove(new Query(), DAYS);
        mongo.remove(new Query(), REACH);
    }

    @QueryHandler
    Optional<SessionView> handle(FindSession query) {
        SessionDocument document = mongo.findOne(query(where("_id").is(query.sessionId()).and("tenantId").is(query.tenantId())),
                SessionDocument.class, SESSIONS);
        if (document == null) {
            return Optional.empty();
        }
        Map<String, ParticipantFactsDocument> facts = ParticipantFactsProjection.facts(mongo, query.tenantId(), document.attendees);
        List<SessionView.Attendee> attendees = document.attendees.stream()
                .map(id -> new SessionView.Attendee(id, facts.containsKey(id) && facts.get(id).erased))
                .toList();
        List<Headcount> headcounts = List.copyOf(headcounts(document).values());
        return Optional.of(new SessionView(document.id, document.programmeId, document.activityId,
                ActivityKind.valueOf(document.kind), document.oneOff, document.title, document.town,
                LocalDate.parse(document.date), List.copyOf(document.facilitatorIds), attendees,
                Json.read(document.familiesJson, new TypeReference<List<FamilyCheckIn>>() { }), headcounts,
                headcounts.stream().mapToInt(Headcount::count).sum(), document.cancelled, document.cancellationReason,
                List.copyOf(document.feedback), document.version));
    }

    @QueryHandler
    Long handle(FindSessionVersion query) {
        Query byId = query(where("_id").is(query.sessionId()).and("tenantId").is(query.tenantId()));
        byId.fields().include("version");
        SessionDocument document = mongo.findOne(byId, SessionDocument.class, SESSIONS);
        return document == null ? -1L : document.version;
    }

    @QueryHandler
    List<AttendanceRecord> handle(FindAttendanceHistory query) {
        Query reach = query(where("tenantId").is(query.tenantId()).and("participantId").is(query.participantId()));
        Set<String> sessionIds = new LinkedHashSet<>();
        for (Document person : mongo.find(reach, Document.class, REACH)) {
            Document sessions = person.get("sessions", Document.class);
            if (sessions != null) {
                sessionIds.addAll(sessions.keySet());
            }
        }
        List<AttendanceRecord> records = new ArrayList<>();
        List<String> ids = new ArrayList<>(sessionIds);
        for (int start = 0; start < ids.size(); start += ParticipantFactsProjection.WINDOW) {
            List<String> window = ids.subList(start, Math.min(ids.size(), start + ParticipantFactsProjection.WINDOW));
            for (SessionDocument session : mongo.find(query(where("_id").in(window)), SessionDocument.class, SESSIONS)) {
                if (query.tenantId().equals(session.tenantId) && !session.cancelled) {
                    records.add(new AttendanceRecord(session.id, session.programmeId, session.activityId,
                            ActivityKind.valueOf(session.kind), session.oneOff, session.title, session.town,
                            LocalDate.parse(session.date)));
                }
            }
        }
        records.sort(Comparator.comparing(AttendanceRecord::date).reversed().thenComparing(AttendanceRecord::sessionId));
        return records;
    }

    static String dayId(String programmeId, LocalDate date) {
        return programmeId + "|" + date;
    }

    static String reachId(String programmeId, String participantId) {
        return programmeId + "|" + participantId;
    }

    static Map<String, Headcount> headcounts(SessionDocument document) {
        Map<String, Headcount> byGroup = new LinkedHashMap<>();
        for (Headcount headcount : Json.read(document.headcountsJson, new TypeReference<List<Headcount>>() { })) {
            byGroup.put(headcount.group(), headcount);
        }
        return byGroup;
    }

    private static List<Headcount> merged(List<Headcount> headcounts) {
        Map<String, Headcount> byGroup = new LinkedHashMap<>();
        for (Headcount headcount : headcounts) {
            byGroup.merge(headcount.group(), headcount, (a, b) ->
                    new Headcount(a.reachGroup(), a.organisationId(), a.count() + b.count()));
        }
        return List.copyOf(byGroup.values());
    }

    private void update(String sessionId, long sequence, Consumer<SessionDocument> change) {
        SessionDocument document = mongo.findById(sessionId, SessionDocument.class, SESSIONS);
        if (document == null || document.version >= sequence) {
            return;
        }
        Set<String> before = document.cancelled ? Set.of() : new HashSet<>(document.attendees);
        change.accept(document);
        document.version = sequence;
        contribute(before, document);
        mongo.save(document, SESSIONS);
    }

    /** Brings the day and reach documents in line with the session's state; safe to repeat. */
    private void contribute(Set<String> before, SessionDocument session) {
        Set<String> now = session.cancelled ? Set.of() : new LinkedHashSet<>(session.attendees);
        String dayId = dayId(session.programmeId, LocalDate.parse(session.date));
        String entry = "entries." + session.id;
        Update day;
        if (session.cancelled) {
            day = new Update().unset(entry);
        } else {
            Document headcounts = new Document();
            headcounts(session).values().forEach(headcount -> headcounts.append(headcount.group(), headcount.count()));
            day = new Update().set(entry, new Document("activityId", session.activityId)
                    .append("kind", session.kind)
                    .append("oneOff", session.oneOff)
                    .append("title", session.title)
                    .append("town", session.town)
                    .append("attendances", now.size())
                    .append("headcounts", headcounts));
        }
        day.setOnInsert("tenantId", session.tenantId).setOnInsert("programmeId", session.programmeId)
                .setOnInsert("date", session.date);
        mongo.upsert(query(where("_id").is(dayId)), day, DAYS);
        for (String participant : now) {
            if (!before.contains(participant)) {
                attend(session, participant);
            }
        }
        for (String participant : before) {
            if (!now.contains(participant)) {
                leave(session, participant);
            }
        }
    }

    private void attend(SessionDocument session, String participantId) {
        Update update = new Update()
                .set("sessions." + session.id, session.date)
                .min("firstDate", session.date)
                .max("lastDate", session.date)
                .inc("revision", 1)
                .setOnInsert("tenantId", session.tenantId)
                .setOnInsert("programmeId", session.programmeId)
                .setOnInsert("participantId", participantId);
        mongo.upsert(query(where("_id").is(reachId(session.programmeId, participantId))), update, REACH);
    }

    /**
     * Removing a session may move the first or last date: recompute them from the remaining sessions
     * and write them only if nobody changed the document meanwhile (compare-and-set on its revision).
     */
    private void leave(SessionDocument session, String participantId) {
        String id = reachId(session.programmeId, participantId);
        Document current = mongo.findAndModify(query(where("_id").is(id)),
                new Update().unset("sessions." + session.id).inc("revision", 1),
                FindAndModifyOptions.options().returnNew(false), Document.class, REACH);
        if (current == null) {
            return;
        }
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            Document person = mongo.findById(id, Document.class, REACH);
            if (person == null) {
                return;
            }
            Document sessions = person.get("sessions", Document.class);
            List<String> dates = sessions == null ? List.of()
                    : sessions.values().stream().map(String.class::cast).sorted().toList();
            Update bounds = new Update().inc("revision", 1);
            if (dates.isEmpty()) {
                bounds.unset("firstDate").unset("lastDate");
            } else {
                bounds.set("firstDate", dates.get(0)).set("lastDate", dates.get(dates.size() - 1));
            }
            Object revision = person.get("revision");
            if (mongo.updateFirst(query(where("_id").is(id).and("revision").is(revision)), bounds, REACH)
                    .getMatchedCount() == 1) {
                return;
            }
        }
        throw new IllegalStateException("reach document kept changing while its dates were recomputed");
    }
}
