package org.roundtable.programmes.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.roundtable.kernel.DomainException;
import org.roundtable.programmes.api.ActivityKind;
import org.roundtable.programmes.api.CalendarEntry;
import org.roundtable.programmes.api.FindCalendar;
import org.roundtable.programmes.api.WeeklySchedule;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The activity calendar: occurrences computed from the weekly schedules, each marked with the
 * session recorded for it (from the day documents), plus the one-off events held.
 */
@Component
public class ProgrammeCalendarQueries {

    private final MongoTemplate mongo;

    public ProgrammeCalendarQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    List<CalendarEntry> handle(FindCalendar query) {
        if (query.from().isAfter(query.to()) || ChronoUnit.DAYS.between(query.from(), query.to()) >= FindCalendar.MAX_DAYS) {
            throw DomainException.rule("a calendar spans 1 to " + FindCalendar.MAX_DAYS + " days");
        }
        List<ActivityDocument> activities = ProgrammeCatalogueProjection.activities(mongo, query.tenantId(), query.programmeId());
        Set<String> programmes = new LinkedHashSet<>();
        if (query.programmeId() != null) {
            if (ProgrammeCatalogueProjection.programme(mongo, query.tenantId(), query.programmeId()) == null) {
                throw DomainException.notFound("programme");
            }
            programmes.add(query.programmeId());
        } else {
            ProgrammeCatalogueProjection.programmes(mongo, query.tenantId()).forEach(programme -> programmes.add(programme.id));
        }
        Map<String, Map<String, String>> recorded = new HashMap<>();
        List<CalendarEntry> entries = new ArrayList<>();
        for (Document day : days(programmes, query.from(), query.to())) {
            if (!query.tenantId().equals(day.getString("tenantId"))) {
                continue;
            }
            Document sessions = day.get("entries", Document.class);
            if (sessions == null) {
                continue;
            }
            LocalDate date = LocalDate.parse(day.getString("date"));
            sessions.forEach((sessionId, value) -> {
                Document entry = (Document) value;
                String activityId = entry.getString("activityId");
                if (activityId == null) {
                    entries.add(new CalendarEntry(date, day.getString("programmeId"), null, entry.getString("title"),
                            ActivityKind.valueOf(entry.getString("kind")), entry.getString("town"), null, null, null,
                            true, sessionId));
                } else {
                    recorded.computeIfAbsent(activityId, id -> new HashMap<>()).putIfAbsent(date.toString(), sessionId);
                }
            });
        }
        for (ActivityDocument activity : activities) {
            WeeklySchedule schedule = ProgrammeCatalogueProjection.schedule(activity);
            LocalDate retired = activity.retiredFrom == null ? null : LocalDate.parse(activity.retiredFrom);
            Map<String, String> sessions = recorded.getOrDefault(activity.id, Map.of());
            for (LocalDate date = query.from(); !date.isAfter(query.to()); date = date.plusDays(1)) {
                String sessionId = sessions.get(date.toString());
                boolean planned = schedule.occursOn(date) && (retired == null || date.isBefore(retired));
                // a session held on an unplanned day (moved, extra) still shows, as recorded
                if (planned || sessionId != null) {
                    entries.add(new CalendarEntry(date, activity.programmeId, activity.id, activity.name,
                            ActivityKind.valueOf(activity.kind), activity.town, activity.venue, schedule.startTime(),
                            schedule.endTime(), sessionId != null, sessionId));
                }
            }
        }
        entries.sort(Comparator.comparing(CalendarEntry::date)
                .thenComparing(entry -> entry.startTime() == null ? java.time.LocalTime.MIN : entry.startTime())
                .thenComparing(CalendarEntry::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return entries;
    }

    private List<Document> days(Set<String> programmes, LocalDate from, LocalDate to) {
        List<String> ids = new ArrayList<>();
        for (String programme : programmes) {
            for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
                ids.add(ProgrammeAttendanceProjection.dayId(programme, date));
            }
        }
        List<Document> days = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += ParticipantFactsProjection.WINDOW) {
            List<String> window = ids.subList(start, Math.min(ids.size(), start + ParticipantFactsProjection.WINDOW));
            days.addAll(mongo.find(query(where("_id").in(window)), Document.class, ProgrammeAttendanceProjection.DAYS));
        }
        return days;
    }
}
