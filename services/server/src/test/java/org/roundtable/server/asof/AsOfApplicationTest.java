package org.roundtable.server.asof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.roundtable.server.testsupport.ApplicationTest;

/**
 * What the as-of application tests share on top of {@link ApplicationTest} (same Spring context): writes
 * that must succeed, reads that wait until the live read models are quiet at the ledger's head (so the
 * position a live answer names is exact), and timing. Every test records its own programmes and people.
 */
abstract class AsOfApplicationTest extends ApplicationTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    static String randomId() {
        return UUID.randomUUID().toString();
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The Monday {@code weeksBack} weeks before the last one that lies before today in London. */
    static LocalDate monday(int weeksBack) {
        return LocalDate.now(LONDON).minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(weeksBack);
    }

    /** A POST that must create something: 201; answers the id of the body. */
    String create(String path, String client, String body) {
        HttpResponse<String> response = postJson(path, client, body);
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(201);
        return json(response).get("id").asText();
    }

    String register(String client, String fullName, String town, int birthYear) {
        return create("/api/participants", client, """
                {"fullName":"%s","birthYear":%d,"town":"%s","countryOfOrigin":"SK",
                 "consents":[{"purpose":"programme-records","givenBy":"self"}]}
                """.formatted(fullName, birthYear, town));
    }

    String launchProgramme(String client, String name, LocalDate start, LocalDate end) {
        return create("/api/programmes", client, """
                {"name":"%s","startDate":"%s","endDate":"%s","towns":["Folkestone","Dover"],
                 "funders":[{"funder":"Community Fund","type":"GRANT","amount":300000,"currency":"GBP"}],
                 "targets":[{"metric":"DISTINCT_PARTICIPANTS","value":40},{"metric":"SESSIONS_HELD","value":30}]}
                """.formatted(name, start, end));
    }

    String planMondayActivity(String client, String programmeId, String town, LocalDate from) {
        return create("/api/programmes/" + programmeId + "/activities", client, """
                {"name":"Together Time","kind":"ACTIVITY_SESSION","audience":"parents and children","town":"%s",
                 "venue":"Community hall","schedule":{"days":["MONDAY"],"startTime":"09:30","endTime":"11:30",
                 "from":"%s"},"languages":["en"],"simpleLanguage":true}
                """.formatted(town, from));
    }

    String holdSession(String client, String activityId, LocalDate date, List<String> participantIds, int headcount) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("activityId", activityId, "date", date.toString(),
                "facilitatorIds", List.of(client), "participantIds", participantIds));
        if (headcount > 0) {
            body.put("headcounts", List.of(Map.of("reachGroup", "wider-community", "count", headcount)));
        }
        return create("/api/sessions", client, toJson(body));
    }

    /** The ledger's last position now. */
    long head() {
        return events.createHeadToken() == null ? 0 : events.createHeadToken().position().orElse(0);
    }

    /**
     * A live read that waits until the answer names an exact position at or past the ledger's head: the read
     * models are then quiet and hold everything written so far.
     */
    HttpResponse<String> quietLive(String path, String client) {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        await("GET " + path + " reflects the ledger's head exactly", () -> {
            long head = head();
            HttpResponse<String> response = get(path, client);
            last.set(response);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return "true".equals(response.headers().firstValue("X-Ledger-Position-Exact").orElse(null))
                    && position(response) >= head;
        });
        return last.get();
    }

    static long position(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("X-Ledger-Position")
                .orElseThrow(() -> new AssertionError("no X-Ledger-Position on " + response.uri())));
    }

    /** An as-of read that must answer 200. */
    JsonNode asOf(String path, String client) {
        HttpResponse<String> response = get(path, client);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(position(response)).isEqualTo(body.get("asOfPosition").asLong());
        return body;
    }

    /** The median of a few timed runs, in milliseconds. */
    static double medianMillis(int runs, LongSupplier timedNanos) {
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            nanos[i] = timedNanos.getAsLong();
        }
        Arrays.sort(nanos);
        return nanos[runs / 2] / 1e6;
    }
}
