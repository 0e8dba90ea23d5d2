package org.roundtable.server.networks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.roundtable.programmes.query.ParticipantFactsProjection;
import org.roundtable.programmes.query.ProgrammeAttendanceProjection;
import org.roundtable.programmes.query.ProgrammeCatalogueProjection;
import org.roundtable.server.testsupport.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the networks application tests share on top of {@link ApplicationTest} (same Spring context):
 * the networks API as small helpers that expect success, a programme with recorded sessions whose
 * report a member agency can share, the ledger read back (event counts, positions) and a CSV reader.
 * Every test founds its own networks and programmes, so tests never see each other's records.
 */
abstract class NetworksApplicationTest extends ApplicationTest {

    static final String NETWORKS = "/api/networks";
    /** The report's read models, whose ledger position a share of figures names. */
    static final List<String> REPORT_GROUPS = List.of(ProgrammeCatalogueProjection.PROCESSING_GROUP,
            ProgrammeAttendanceProjection.PROCESSING_GROUP, ParticipantFactsProjection.PROCESSING_GROUP);

    @Autowired
    private EventProcessingConfiguration processing;

    /** The day the server takes as today for networks (it counts in UTC). */
    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static String randomId() {
        return UUID.randomUUID().toString();
    }

    static String network(String id) {
        return NETWORKS + "/" + id;
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A map that keeps its order and accepts null values, for request bodies. */
    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A POST that must create something: 201 with {@code Location}; answers the id of the body. */
    String created(String path, String client, Object body) {
        HttpResponse<String> response = postJson(path, client, toJson(body));
        assertThat(response.statusCode()).as("POST %s as %s: %s", path, client, response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).isPresent();
        assertThat(response.headers().firstValue("ETag")).isPresent();
        return json(response).get("id").asText();
    }

    /** A write that must be accepted with 204. */
    void accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s: %s", response.request().uri(), response.body()).isEqualTo(204);
    }

    HttpResponse<String> put(String path, String client, Object body) {
        return sendWithBody("PUT", path, client, toJson(body));
    }

    HttpResponse<String> post(String path, String client, Object body) {
        return postJson(path, client, toJson(body));
    }

    HttpResponse<String> getCsv(String path, String client) {
        return send(request(path, client).header("Accept", "text/csv").GET().build());
    }

    JsonNode getJson(String path, String client) {
        HttpResponse<String> response = send(request(path, client).header("Accept", "application/json").GET().build());
        assertThat(response.statusCode()).as("GET %s as %s: %s", path, client, response.body()).isEqualTo(200);
        return json(response);
    }

    // --- the networks API ---

    String foundNetwork(String client, String name, LocalDate foundedOn, String chairRole) {
        return created(NETWORKS, client, body("name", name, "foundedOn", foundedOn.toString(), "cadence", "QUARTERLY",
                "purpose", "Coordinate the city's work with newcomers from south-eastern Europe", "chairRole", chairRole));
    }

    void admitTenant(String networkId, String tenantId, String role, LocalDate on) {
        String id = created(network(networkId) + "/members", "krefeld-admin",
                body("tenantId", tenantId, "role", role, "admittedOn", on.toString()));
        assertThat(id).isEqualTo(tenantId);
    }

    /** Admits an outside organisation under a member id of the test's choosing; answers that id. */
    String admitOrganisation(String networkId, String organisation, String role, LocalDate on) {
        String memberId = randomId();
        String id = created(network(networkId) + "/members", "krefeld-admin",
                body("organisation", organisation, "memberId", memberId, "role", role, "admittedOn", on.toString()));
        assertThat(id).isEqualTo(memberId);
        return memberId;
    }

    String schedule(String networkId, LocalDate date, String place, List<String> agenda) {
        return created(network(networkId) + "/meetings", "krefeld-chair",
                body("date", date.toString(), "place", place, "agenda", agenda));
    }

    void hold(String networkId, String meetingId, Collection<String> present, String minutes) {
        accepted(post(meeting(networkId, meetingId) + "/held", "krefeld-chair",
                body("present", present, "minutes", minutes)));
    }

    String decide(String networkId, String meetingId, String agendaItemId, String text) {
        return created(meeting(networkId, meetingId) + "/decisions", "krefeld-chair",
                body("agendaItemId", agendaItemId, "text", text));
    }

    String openItem(String networkId, String meetingId, String ownerMemberId, String description, LocalDate dueOn) {
        return created(meeting(networkId, meetingId) + "/action-items", "krefeld-chair",
                body("description", description, "ownerMemberId", ownerMemberId, "dueOn", dueOn.toString()));
    }

    HttpResponse<String> progress(String networkId, String itemId, String client, String status, String note) {
        return post(network(networkId) + "/action-items/" + itemId + "/progress", client,
                body("status", status, "note", note));
    }

    void approveMinutes(String networkId, String meetingId) {
        accepted(send(request(meeting(networkId, meetingId) + "/minutes/approval", "krefeld-chair")
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
    }

    static String meeting(String networkId, String meetingId) {
        return network(networkId) + "/meetings/" + meetingId;
    }

    /** A small network chaired by krefeld: darmstadt and the police are members; one meeting held with two items. */
    record SmallNetwork(String id, String police, String meetingId, String decisionId, String darmstadtItem,
                        String policeItem) {
    }

    SmallNetwork smallNetwork() {
        LocalDate today = today();
        LocalDate founded = today.minusDays(100);
        String id = foundNetwork("krefeld-admin", "Arbeitskreis " + randomId().substring(0, 8), founded, null);
        admitTenant(id, "darmstadt", "welfare organisation", founded);
        String police = admitOrganisation(id, "Polizeipräsidium", "police", founded);
        String meeting = schedule(id, today.minusDays(30), "Rathaus", List.of("School attendance"));
        hold(id, meeting, List.of("krefeld", "darmstadt"), "School attendance discussed");
        String decision = decide(id, meeting, "1", "Mediators visit the schools monthly");
        String darmstadtItem = openItem(id, meeting, "darmstadt", "Questionnaire in simple language", today.plusDays(30));
        String policeItem = openItem(id, meeting, police, "Report on housing inspections", today.plusDays(30));
        return new SmallNetwork(id, police, meeting, decision, darmstadtItem, policeItem);
    }

    // --- a member agency's programme ---

    /** A programme with sessions recorded, its report complete, and the ledger position its figures reflect at least. */
    record RecordedProgramme(String id, long reflectsAtLeast) {
    }

    /**
     * Launches a programme for the tenant, registers {@code inGroup} people in {@code reachGroup} and
     * {@code withoutGroup} people in none, records {@code sessions} occurrences of one activity on
     * {@code day} attended by everyone and {@code oneOffEvents} one-off events attended by the first two, then
     * waits until the report shows all of it and the report's processors have passed the last of it.
     */
    RecordedProgramme recordProgramme(String tenant, String town, String reachGroup, int inGroup, int withoutGroup,
                                      String activityKind, int sessions, String eventKind, int oneOffEvents,
                                      LocalDate start, LocalDate end, LocalDate day) {
        String admin = tenant + "-admin";
        String staff = tenant + "-staff";
        HttpResponse<String> group = post("/api/reach-groups", admin, body("code", reachGroup, "label", "Newcomers"));
        assertThat(group.statusCode()).as(group.body()).isIn(201, 409);

        List<String> people = new ArrayList<>();
        for (int i = 0; i < inGroup + withoutGroup; i++) {
            boolean grouped = i < inGroup;
            List<Map<String, String>> consents = new ArrayList<>();
            consents.add(Map.of("purpose", "programme-records", "givenBy", "self"));
            Map<String, Object> person = body("fullName", "Network Test " + randomId().substring(0, 8),
                    "birthYear", 1980 + i, "town", town);
            if (grouped) {
                consents.add(Map.of("purpose", "special-category", "givenBy", "self"));
                person.put("reachGroups", List.of(reachGroup));
            }
            person.put("consents", consents);
            people.add(created("/api/participants", staff, person));
        }

        String programme = created("/api/programmes", admin, body("name", "Programme " + randomId().substring(0, 8),
                "startDate", start.toString(), "endDate", end.toString(), "towns", List.of(town)));
        String activity = created("/api/programmes/" + programme + "/activities", admin, body(
                "name", "Weekly offer", "kind", activityKind, "audience", "families", "town", town,
                "venue", "Community centre", "schedule", body("days", List.of("TUESDAY"), "startTime", "10:00",
                        "endTime", "12:00", "from", start.toString()),
                "languages", List.of("de"), "simpleLanguage", true));
        for (int i = 0; i < sessions; i++) {
            created("/api/sessions", staff, body("activityId", activity, "date", day.toString(),
                    "facilitatorIds", List.of(staff), "participantIds", people));
        }
        for (int i = 0; i < oneOffEvents; i++) {
            created("/api/sessions", staff, body("programmeId", programme, "kind", eventKind, "title", "Open day",
                    "town", town, "date", day.toString(), "facilitatorIds", List.of(staff),
                    "participantIds", people.subList(0, 2)));
        }

        String report = "/api/programmes/" + programme + "/report?from=" + day + "&to=" + day;
        int distinct = inGroup + withoutGroup;
        await("the report of " + tenant + "'s programme shows every session and person", () -> {
            JsonNode shown = getJson(report, admin);
            return shown.get("distinctParticipants").get("value").asInt() == distinct
                    && shown.get("sessionsHeld").asInt() == sessions && shown.get("eventsHeld").asInt() == oneOffEvents
                    && StreamSupport.stream(shown.get("byReachGroup").spliterator(), false)
                    .noneMatch(entry -> entry.get("key").asText().equals("unknown"));
        });
        long head = events.createHeadToken().position().orElseThrow();
        await("the report's processors passed ledger position " + head, () -> reportProcessorsReached(head));
        return new RecordedProgramme(programme, head);
    }

    private boolean reportProcessorsReached(long position) {
        for (String group : REPORT_GROUPS) {
            StreamingEventProcessor processor = processing.eventProcessorByProcessingGroup(group,
                    StreamingEventProcessor.class).orElseThrow(() -> new AssertionError("no processor for " + group));
            for (EventTrackerStatus status : processor.processingStatus().values()) {
                OptionalLong current = status.getCurrentPosition();
                if (current.isEmpty() || current.getAsLong() < position) {
                    return false;
                }
            }
        }
        return true;
    }

    // --- the ledger ---

    /** The ledger's last event of one aggregate matching the test, with its position; fails if there is none. */
    TrackedEventMessage<?> lastEvent(String aggregateId, Predicate<TrackedEventMessage<?>> test) {
        try (var stream = events.readEvents(null, false)) {
            return stream.filter(event -> event instanceof DomainEventMessage<?> domain
                            && aggregateId.equals(domain.getAggregateIdentifier()))
                    .filter(test)
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new AssertionError("no such event of " + aggregateId));
        }
    }

    static Predicate<TrackedEventMessage<?>> ofType(String simpleName) {
        return event -> event.getPayloadType().getSimpleName().equals(simpleName);
    }

    static long position(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }

    static long sequence(TrackedEventMessage<?> event) {
        return ((DomainEventMessage<?>) event).getSequenceNumber();
    }

    // --- reading answers ---

    static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    static List<String> texts(JsonNode array, String field) {
        return elements(array).stream().map(element -> element.get(field).asText()).toList();
    }

    /** A problem body without {@code instance}, which names the request, to compare two problems. */
    static JsonNode problemWithoutInstance(HttpResponse<String> response) {
        JsonNode problem = json(response);
        if (problem instanceof ObjectNode object) {
            object.remove("instance");
        }
        return problem;
    }

    /** Reads an RFC 4180 table (quoted cells, doubled quotes, CRLF) into rows of named cells. */
    static List<Map<String, String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r') {
                // part of the CRLF that ends a row
            } else if (ch == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        List<String> header = rows.get(0);
        List<Map<String, String>> table = new ArrayList<>();
        for (List<String> cells : rows.subList(1, rows.size())) {
            assertThat(cells).as("a CSV row has as many cells as the header").hasSameSizeAs(header);
            Map<String, String> named = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                named.put(header.get(i), cells.get(i));
            }
            table.add(named);
        }
        return table;
    }

    static List<Map<String, String>> section(List<Map<String, String>> table, String section) {
        return table.stream().filter(row -> row.get("section").equals(section)).toList();
    }
}
