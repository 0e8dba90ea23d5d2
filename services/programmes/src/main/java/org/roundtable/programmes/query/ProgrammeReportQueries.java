package org.roundtable.programmes.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.roundtable.kernel.DomainException;
import org.roundtable.programmes.api.ActivityKind;
import org.roundtable.programmes.api.FindProgrammeReport;
import org.roundtable.programmes.api.ProgrammeReport;
import org.roundtable.programmes.api.ProgrammeReport.Breakdown;
import org.roundtable.programmes.api.ProgrammeReport.Count;
import org.roundtable.programmes.api.ProgrammeReport.Figure;
import org.roundtable.programmes.api.ProgrammeReport.QuestionnaireFigures;
import org.roundtable.programmes.api.ProgrammeReport.TargetProgress;
import org.roundtable.programmes.api.Target;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Builds a programme's report from the precomputed read models only: the day documents (at most one
 * per day of the period) and the programme's set of distinct people with their first and last
 * dates, joined with the participant facts. Nothing here reads attendance one by one, so the cost
 * follows days and distinct people, not attendances; only people whose first and last dates straddle
 * a period boundary have their session dates loaded.
 */
@Component
public class ProgrammeReportQueries {

    static final String UNKNOWN = "unknown";
    static final String NONE = "none";
    static final List<String> AGE_BANDS = List.of("0-5", "6-11", "12-17", "18-25", "26-64", "65+", UNKNOWN);

    private final MongoTemplate mongo;
    private final ReportingProperties properties;

    public ProgrammeReportQueries(MongoTemplate mongo, ReportingProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    @QueryHandler
    Optional<ProgrammeReport> handle(FindProgrammeReport query) {
        ProgrammeDocument programme = ProgrammeCatalogueProjection.programme(mongo, query.tenantId(), query.programmeId());
        if (programme == null) {
            return Optional.empty();
        }
        LocalDate start = LocalDate.parse(programme.startDate);
        LocalDate end = LocalDate.parse(programme.endDate);
        LocalDate from = query.from() == null ? start : query.from();
        LocalDate to = query.to() == null ? end : query.to();
        if (from.isAfter(to)) {
            throw DomainException.rule("the report period starts after it ends");
        }
        List<Target> targets = ProgrammeCatalogueProjection.targets(programme);
        LocalDate first = targets.stream().map(Target::from).reduce(from, (a, b) -> a.isBefore(b) ? a : b);
        LocalDate last = targets.stream().map(Target::until).reduce(to, (a, b) -> a.isAfter(b) ? a : b);
        // sessions only ever lie inside the programme period
        Days days = new Days(programme.id, first.isBefore(start) ? start : first, last.isAfter(end) ? end : last);
        People people = new People(programme.tenantId, programme.id);

        Map<String, LocalDate> reached = people.firstDatesIn(from, to);
        Map<String, ParticipantFactsDocument> facts = people.facts(reached.keySet());
        int threshold = properties.threshold();

        Map<String, Long> byGroup = new TreeMap<>();
        Map<String, Long> byTown = new TreeMap<>();
        Map<String, Long> byBand = new LinkedHashMap<>();
        AGE_BANDS.forEach(band -> byBand.put(band, 0L));
        Map<String, Long> byCountry = new TreeMap<>();
        long erased = 0;
        Integer youngest = null;
        Integer oldest = null;
        for (Map.Entry<String, LocalDate> person : reached.entrySet()) {
            ParticipantFactsDocument fact = facts.get(person.getKey());
            if (fact == null) {
                // the facts projection has not caught up with this person yet
                byGroup.merge(UNKNOWN, 1L, Long::sum);
                byTown.merge(UNKNOWN, 1L, Long::sum);
                byBand.merge(UNKNOWN, 1L, Long::sum);
                continue;
            }
            if (fact.erased) {
                erased++;
            }
            if (fact.reachGroups.isEmpty()) {
                byGroup.merge(NONE, 1L, Long::sum);
            }
            fact.reachGroups.forEach(group -> byGroup.merge(group, 1L, Long::sum));
            byTown.merge(fact.town == null ? UNKNOWN : fact.town, 1L, Long::sum);
            if (fact.countryOfOrigin != null) {
                byCountry.merge(fact.countryOfOrigin, 1L, Long::sum);
            }
            if (fact.birthYear == null) {
                byBand.merge(UNKNOWN, 1L, Long::sum);
            } else {
                int age = Math.max(0, person.getValue().getYear() - fact.birthYear);
                byBand.merge(band(age), 1L, Long::sum);
                youngest = youngest == null ? age : Math.min(youngest, age);
                oldest = oldest == null ? age : Math.max(oldest, age);
            }
        }

        Map<String, Long> sessionsByKind = new TreeMap<>();
        Map<String, Long> eventsByKind = new TreeMap<>();
        Map<String, Long> headcounts = new TreeMap<>();
        long attendances = 0;
        for (Document entry : days.entries(from, to)) {
            (entry.getBoolean("oneOff", false) ? eventsByKind : sessionsByKind)
                    .merge(entry.getString("kind"), 1L, Long::sum);
            attendances += entry.getInteger("attendances", 0);
            Document counted = entry.get("headcounts", Document.class);
            if (counted != null) {
                counted.forEach((group, count) -> headcounts.merge(group, ((Number) count).longValue(), Long::sum));
            }
        }

        List<TargetProgress> progress = targets.stream()
                .map(target -> progress(target, people, days, threshold))
                .toList();

        return Optional.of(new ProgrammeReport(programme.id, programme.name, from, to, null, threshold,
                figure(reached.size(), threshold), figure(erased, threshold),
                breakdown(byGroup, threshold), breakdown(byTown, threshold), breakdown(byBand, threshold),
                youngest, youngest != null && figure(byBand.get(band(youngest)), threshold).suppressed(),
                oldest, oldest != null && figure(byBand.get(band(oldest)), threshold).suppressed(),
                byCountry.size(), breakdown(byCountry, threshold),
                counts(sessionsByKind), sum(sessionsByKind), counts(eventsByKind), sum(eventsByKind),
                attendances, counts(headcounts), sum(headcounts), questionnaires(programme, from, to), progress));
    }

    private TargetProgress progress(Target target, People people, Days days, int threshold) {
        long actual;
        boolean countsPeople = false;
        switch (target.metric()) {
            case DISTINCT_PARTICIPANTS -> {
                countsPeople = true;
                Map<String, LocalDate> reached = people.firstDatesIn(target.from(), target.until());
                if (target.reachGroup() == null) {
                    actual = reached.size();
                } else {
                    Map<String, ParticipantFactsDocument> facts = people.facts(reached.keySet());
                    actual = reached.keySet().stream()
                            .filter(id -> facts.containsKey(id) && facts.get(id).reachGroups.contains(target.reachGroup()))
                            .count();
                }
            }
            case SESSIONS_HELD -> actual = days.count(target, entry -> !entry.getBoolean("oneOff", false)
                    && (target.activityKind() == null || target.activityKind().name().equals(entry.getString("kind"))));
            case EVENTS_HELD -> actual = days.count(target, entry -> entry.getBoolean("oneOff", false));
            case PROFESSIONAL_WORKSHOPS -> actual = days.count(target,
                    entry -> ActivityKind.PROFESSIONAL_WORKSHOP.name().equals(entry.getString("kind")));
            default -> {
                return new TargetProgress(target, false, null, null, null, false);
            }
        }
        double percentage = Math.round(actual * 1000.0 / target.value()) / 10.0;
        return new TargetProgress(target, true, actual, percentage, Math.max(0, target.value() - actual),
                countsPeople && figure(actual, threshold).suppressed());
    }

    private QuestionnaireFigures questionnaires(ProgrammeDocument programme, LocalDate from, LocalDate to) {
        int sent = 0;
        long recipients = 0;
        long returns = 0;
        for (QuestionnaireDocument questionnaire : ProgrammeCatalogueProjection.questionnaires(mongo, programme.tenantId, programme.id)) {
            LocalDate sentOn = LocalDate.parse(questionnaire.sentOn);
            if (!sentOn.isBefore(from) && !sentOn.isAfter(to)) {
                sent++;
                recipients += questionnaire.recipientIds.size();
                returns += questionnaire.returnedBy.size();
            }
        }
        return new QuestionnaireFigures(sent, recipients, returns, ProgrammeCatalogueProjection.rate(returns, recipients));
    }

    static String band(int age) {
        if (age <= 5) {
            return "0-5";
        } else if (age <= 11) {
            return "6-11";
        } else if (age <= 17) {
            return "12-17";
        } else if (age <= 25) {
            return "18-25";
        } else if (age <= 64) {
            return "26-64";
        }
        return "65+";
    }

    static Figure figure(long value, int threshold) {
        return new Figure(value, value > 0 && value < threshold);
    }

    private static List<Breakdown> breakdown(Map<String, Long> counts, int threshold) {
        return counts.entrySet().stream().map(entry -> new Breakdown(entry.getKey(), figure(entry.getValue(), threshold))).toList();
    }

    private static List<Count> counts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(entry -> new Count(entry.getKey(), entry.getValue())).toList();
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The day documents of one programme between two dates, fetched by id (at most one per day). */
    private final class Days {

        private final TreeMap<LocalDate, Document> byDate = new TreeMap<>();

        Days(String programmeId, LocalDate from, LocalDate to) {
            List<String> ids = new ArrayList<>();
            for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
                ids.add(ProgrammeAttendanceProjection.dayId(programmeId, date));
            }
            for (int start = 0; start < ids.size(); start += ParticipantFactsProjection.WINDOW) {
                List<String> window = ids.subList(start, Math.min(ids.size(), start + ParticipantFactsProjection.WINDOW));
                for (Document day : mongo.find(query(where("_id").in(window)), Document.class, ProgrammeAttendanceProjection.DAYS)) {
                    byDate.put(LocalDate.parse(day.getString("date")), day);
                }
            }
        }

        List<Document> entries(LocalDate from, LocalDate to) {
            List<Document> entries = new ArrayList<>();
            for (Document day : byDate.subMap(from, true, to, true).values()) {
                Document sessions = day.get("entries", Document.class);
                if (sessions != null) {
                    sessions.values().forEach(entry -> entries.add((Document) entry));
                }
            }
            return entries;
        }

        long count(Target target, Predicate<Document> counts) {
            return entries(target.from(), target.until()).stream().filter(counts).count();
        }
    }

    /**
     * The programme's distinct people with their first and last dates; session dates are loaded only
     * for people whose span straddles the boundary of a period asked about.
     */
    private final class People {

        private final String tenantId;
        private final Map<String, Document> byId = new LinkedHashMap<>();
        private final Map<String, List<LocalDate>> dates = new HashMap<>();
        private final Map<String, ParticipantFactsDocument> facts = new HashMap<>();

        People(String tenantId, String programmeId) {
            this.tenantId = tenantId;
            Query reached = query(where("tenantId").is(tenantId).and("programmeId").is(programmeId).and("firstDate").ne(null));
            reached.fields().include("participantId", "firstDate", "lastDate");
            for (Document person : mongo.find(reached, Document.class, ProgrammeAttendanceProjection.REACH)) {
                byId.put(person.getString("participantId"), person);
            }
        }

        /** Each person who attended between the dates, with the first date they attended in that period. */
        Map<String, LocalDate> firstDatesIn(LocalDate from, LocalDate to) {
            Map<String, LocalDate> reached = new LinkedHashMap<>();
            List<String> straddling = new ArrayList<>();
            for (Document person : byId.values()) {
                LocalDate first = LocalDate.parse(person.getString("firstDate"));
                LocalDate last = LocalDate.parse(person.getString("lastDate"));
                if (last.isBefore(from) || first.isAfter(to)) {
                    continue;
                }
                if (!first.isBefore(from) && !last.isAfter(to)) {
                    reached.put(person.getString("participantId"), first);
                } else {
                    straddling.add(person.getString("participantId"));
                }
            }
            loadDates(straddling);
            for (String id : straddling) {
                dates.get(id).stream().filter(date -> !date.isBefore(from) && !date.isAfter(to)).findFirst()
                        .ifPresent(date -> reached.put(id, date));
            }
            return reached;
        }

        Map<String, ParticipantFactsDocument> facts(Collection<String> ids) {
            List<String> missing = ids.stream().filter(id -> !facts.containsKey(id)).toList();
            facts.putAll(ParticipantFactsProjection.facts(mongo, tenantId, missing));
            Map<String, ParticipantFactsDocument> found = new HashMap<>();
            ids.forEach(id -> {
                if (facts.containsKey(id)) {
                    found.put(id, facts.get(id));
                }
            });
            return found;
        }

        private void loadDates(List<String> participantIds) {
            List<String> ids = participantIds.stream().filter(id -> !dates.containsKey(id))
                    .map(id -> byId.get(id).getString("_id")).toList();
            for (int start = 0; start < ids.size(); start += ParticipantFactsProjection.WINDOW) {
                List<String> window = ids.subList(start, Math.min(ids.size(), start + ParticipantFactsProjection.WINDOW));
                for (Document person : mongo.find(query(where("_id").in(window)), Document.class, ProgrammeAttendanceProjection.REACH)) {
                    Document sessions = person.get("sessions", Document.class);
                    List<LocalDate> sorted = sessions == null ? List.of() : sessions.values().stream()
                            .map(date -> LocalDate.parse((String) date)).sorted(Comparator.naturalOrder()).toList();
                    dates.put(person.getString("participantId"), sorted);
                }
            }
        }
    }
}
