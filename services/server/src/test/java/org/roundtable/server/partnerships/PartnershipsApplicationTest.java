package org.roundtable.server.partnerships;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.TrackingToken;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.server.testsupport.ApplicationTest;

/**
 * What the partnerships application tests share on top of {@link ApplicationTest} (same Spring context):
 * reach groups, participants, programmes, organisations and partnerships made over HTTP. Every test makes
 * its own programmes, organisations and people, so figures per programme are exact; figures per tenant
 * (the purpose tally) are compared before and after.
 */
abstract class PartnershipsApplicationTest extends ApplicationTest {

    static final String LOCAL = "local";
    static final String IMMIGRANT = "immigrant";
    static final String ORGANISATIONS = "/api/organisations";
    static final String PARTNERSHIPS = "/api/partnerships";

    /** Dates are checked against UTC by the server ("not in the future"), so the tests count days in UTC too. */
    static LocalDate daysAgo(int days) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(days);
    }

    static String randomId() {
        return UUID.randomUUID().toString();
    }

    /** Lower-case letters, to make names no other test uses. */
    static String letters(int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return text.toString();
    }

    static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    static List<String> texts(JsonNode array) {
        return elements(array).stream().map(JsonNode::asText).toList();
    }

    static List<String> ids(JsonNode array) {
        return elements(array).stream().map(item -> item.get("id").asText()).toList();
    }

    /** A problem body without {@code instance}, which names the request, to compare two problems. */
    static JsonNode problemWithoutInstance(HttpResponse<String> response) {
        JsonNode problem = json(response);
        if (problem instanceof ObjectNode object) {
            object.remove("instance");
        }
        return problem;
    }

    /** The ledger's head now, to ask later what was written after it. */
    TrackingToken ledgerMark() {
        return events.createHeadToken();
    }

    /**
     * The types of the events written after the mark on behalf of the given accounts. Filtering by actor keeps
     * the answer exact while other work (another test's late asynchronous handlers) appends to the same ledger.
     */
    List<String> eventsWrittenBy(TrackingToken mark, String... actors) {
        Set<String> wanted = Set.of(actors);
        try (var stream = events.readEvents(mark, false)) {
            return stream.filter(event -> wanted.contains(event.getMetaData().get(MetadataKeys.ACTOR_ID)))
                    .map(event -> event.getPayloadType().getSimpleName()).toList();
        }
    }

    /** The tenant's reach groups {@code local} and {@code immigrant}; another test may have defined them (409). */
    void ensurePartnerReachGroups(String admin) {
        for (String code : List.of(LOCAL, IMMIGRANT)) {
            HttpResponse<String> response = postJson("/api/reach-groups", admin,
                    "{\"code\":\"%s\",\"label\":\"%s\"}".formatted(code, capitalized(code) + " citizens"));
            assertThat(response.statusCode()).as(response.body()).isIn(201, 409);
        }
    }

    /** A POST that must create something: 201 with {@code Location: <prefix>/<id>}; answers the id. */
    String create(String path, String client, String body, String locationPrefix) {
        HttpResponse<String> response = postJson(path, client, body);
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(201);
        String id = json(response).get("id").asText();
        assertThat(response.headers().firstValue("Location")).hasValue(locationPrefix + "/" + id);
        return id;
    }

    /** A POST that must create an entry of something: 201 with {@code Location} exactly as given; answers the id. */
    String createEntry(String path, String client, String body, String location) {
        HttpResponse<String> response = postJson(path, client, body);
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue(location);
        return json(response).get("id").asText();
    }

    JsonNode getJson(String path, String client) {
        HttpResponse<String> response = get(path, client);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json(response);
    }

    HttpResponse<String> put(String path, String client, String body, String... headers) {
        return sendWithBody("PUT", path, client, body, headers);
    }

    /** A participant with programme-records consent, in the given reach groups (which need special-category consent). */
    String registerPerson(String client, String fullName, String... reachGroups) {
        HttpResponse<String> response = postJson("/api/participants", client, """
                {"fullName":"%s","birthYear":1984,"town":"Kranichstein","reachGroups":%s,
                 "consents":[{"purpose":"programme-records","givenBy":"self"},{"purpose":"special-category","givenBy":"self"}]}
                """.formatted(fullName, toJson(Arrays.asList(reachGroups))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** A made-up full name no other test uses. */
    static String someName() {
        return capitalized(letters(6)) + " " + capitalized(letters(9));
    }

    String launchProgramme(String admin, String name, LocalDate start, LocalDate end) {
        return create("/api/programmes", admin, """
                {"name":"%s","startDate":"%s","endDate":"%s"}""".formatted(name, start, end), "/api/programmes");
    }

    String registerOrganisation(String admin, String name, String kind, String town, String roleContact) {
        return create(ORGANISATIONS, admin, toJson(Map.of("name", name, "kind", kind, "town", town,
                "roleContact", roleContact)), ORGANISATIONS);
    }

    HttpResponse<String> form(String client, String first, String second, List<String> purposes, String programmeId,
                              LocalDate formedOn) {
        return postJson(PARTNERSHIPS, client, toJson(Map.of("firstPartnerId", first, "secondPartnerId", second,
                "purposes", purposes, "programmeId", programmeId, "formedOn", formedOn.toString())));
    }

    /** Forms a partnership that must be accepted, and answers its 201 body ({@code id}, {@code warnings}). */
    JsonNode formed(String client, String first, String second, List<String> purposes, String programmeId,
                    LocalDate formedOn) {
        HttpResponse<String> response = form(client, first, second, purposes, programmeId, formedOn);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(response.headers().firstValue("Location")).hasValue(PARTNERSHIPS + "/" + body.get("id").asText());
        return body;
    }

    HttpResponse<String> logMeeting(String client, String partnershipId, LocalDate date, String activity) {
        return postJson(PARTNERSHIPS + "/" + partnershipId + "/meetings", client,
                toJson(Map.of("date", date.toString(), "activity", activity)));
    }

    HttpResponse<String> checkIn(String client, String partnershipId, LocalDate date, String assessment, String note) {
        return postJson(PARTNERSHIPS + "/" + partnershipId + "/check-ins", client,
                toJson(Map.of("date", date.toString(), "assessment", assessment, "note", note)));
    }

    HttpResponse<String> end(String client, String partnershipId, String outcome, String reason, LocalDate endedOn) {
        return postJson(PARTNERSHIPS + "/" + partnershipId + "/end", client,
                toJson(Map.of("outcome", outcome, "reason", reason, "endedOn", endedOn.toString())));
    }

    JsonNode counts(String client, String programmeId, LocalDate from, LocalDate to) {
        return getJson(PARTNERSHIPS + "/counts?programmeId=" + programmeId + "&from=" + from + "&to=" + to, client);
    }

    /** The tenant's purpose tally as {@code purpose -> [active, ended]}; purposes never used are absent or zero. */
    Map<String, List<Long>> purposeTally(String client) {
        Map<String, List<Long>> tally = new HashMap<>();
        for (JsonNode item : elements(getJson(PARTNERSHIPS + "/purposes", client).get("items"))) {
            tally.put(item.get("purpose").asText(), List.of(item.get("active").asLong(), item.get("ended").asLong()));
        }
        return tally;
    }

    /** How far the tally moved for one purpose: {@code [active, ended]} after minus before. */
    static List<Long> moved(Map<String, List<Long>> before, Map<String, List<Long>> after, String purpose) {
        List<Long> was = before.getOrDefault(purpose, List.of(0L, 0L));
        List<Long> now = after.getOrDefault(purpose, List.of(0L, 0L));
        return List.of(now.get(0) - was.get(0), now.get(1) - was.get(1));
    }

    /** A weekly activity body for {@code POST /api/programmes/{id}/activities}, with the given partner organisations. */
    static String activityWithPartners(LocalDate from, List<String> organisationIds) {
        return toJson(Map.of("name", "Excursion to the Odenwald", "kind", "EXCURSION", "audience", "partners",
                "town", "Darmstadt", "schedule", Map.of("days", List.of("SATURDAY"), "startTime", "10:00",
                        "endTime", "16:00", "from", from.toString()),
                "languages", List.of("de"), "simpleLanguage", true, "partnerOrganisationIds", organisationIds));
    }
}
