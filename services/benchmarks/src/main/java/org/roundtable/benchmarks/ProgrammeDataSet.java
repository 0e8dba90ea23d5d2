package org.roundtable.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.participants.api.ConsentGrant;
import org.roundtable.participants.api.RegisterParticipant;
import org.roundtable.programmes.api.ActivityKind;
import org.roundtable.programmes.api.FamilyCheckIn;
import org.roundtable.programmes.api.HoldSession;

/**
 * Builds the benchmark's agency as staff would: reach groups, participants in households (guardians with
 * two children each, and people on their own), programmes with targets and weekly activities, and sessions
 * with whole registers. Everything goes over HTTP, except that with a {@link CommandGateway} the bulk
 * (participants and seeded sessions) is sent as the same commands the controllers send, with the metadata
 * their dispatch interceptor adds, without HTTP and without waiting for read models per request.
 * Names are synthetic; nothing here is logged.
 */
final class ProgrammeDataSet {

    static final String ADMIN = "kent-admin";
    static final String STAFF = "kent-staff";
    static final int REGISTER = 40;
    /** A 40-person register as a development officer records it: 8 families of a guardian and 2 children, 16 on their own. */
    static final int FAMILIES_PER_REGISTER = 8;
    static final int CHILDREN_PER_FAMILY = 2;
    static final int INDIVIDUALS_PER_REGISTER = REGISTER - FAMILIES_PER_REGISTER * (1 + CHILDREN_PER_FAMILY);

    private static final String[] TOWNS = {"Folkestone", "Dover", "Margate"};
    private static final String[] COUNTRIES = {"RO", "SK", "CZ", "BG", "GB"};
    private static final String[] ACTIVITY_KINDS = {"ACTIVITY_SESSION", "LANGUAGE_CLASS", "COFFEE_MORNING", "TRAINING_COURSE"};

    private final ProgrammeApi api;
    private final CommandGateway gateway;
    private final LocalDate today;
    private final int threads;
    final List<String> guardians = new ArrayList<>();
    final List<String> children = new ArrayList<>();
    final List<String> individuals = new ArrayList<>();
    /** Everyone, in the order seeded registers take them: households together, then people on their own. */
    final List<String> everyone = new ArrayList<>();
    /** Registers refused because the programmes' copy of the participant facts had not caught up yet, then retried. */
    final AtomicInteger factsRetries = new AtomicInteger();

    /** {@code gateway} null: every write over HTTP. */
    ProgrammeDataSet(ProgrammeApi api, CommandGateway gateway, LocalDate today, int threads) {
        this.api = api;
        this.gateway = gateway;
        this.today = today;
        this.threads = threads;
    }

    void reachGroups() {
        for (String[] group : new String[][] {{"roma", "Roma community"}, {"wider-community", "Wider community"}}) {
            ProgrammeApi.Answer answer = api.post("/api/reach-groups", ADMIN, Map.of("code", group[0], "label", group[1]));
            if (answer.status() != 201 && answer.status() != 409) {
                throw new IllegalStateException("reach group " + group[0] + ": " + answer.status() + " " + answer.body());
            }
        }
    }

    /** Registers {@code total} people: 16 % guardians, each with two children, the rest on their own. */
    void registerParticipants(int total) throws Exception {
        int families = total * 16 / 100;
        int alone = total - families * (1 + CHILDREN_PER_FAMILY);
        guardians.addAll(inParallel(families, i -> person(i, 1975 + i % 25, "self", null)));
        // a child's guardian is checked against the participant directory, which a gateway write does not wait for
        awaitVisible(guardians);
        children.addAll(inParallel(families * CHILDREN_PER_FAMILY,
                i -> person(families + i, today.getYear() - 1 - i % 6, "guardian", guardians.get(i / CHILDREN_PER_FAMILY))));
        individuals.addAll(inParallel(alone, i -> person(families * (1 + CHILDREN_PER_FAMILY) + i, 1940 + i % 65, "self", null)));
        for (int family = 0; family < families; family++) {
            everyone.add(guardians.get(family));
            everyone.addAll(children.subList(family * CHILDREN_PER_FAMILY, (family + 1) * CHILDREN_PER_FAMILY));
        }
        everyone.addAll(individuals);
        awaitVisible(everyone);
    }

    private void awaitVisible(List<String> participantIds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        for (String id : participantIds) {
            while (api.get("/api/participants/" + id, STAFF).status() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("participant " + id + " not in the directory after 3 minutes");
                }
                Thread.sleep(100);
            }
        }
    }

    private Callable<String> person(int number, int birthYear, String consentGivenBy, String guardianId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Bench Person %05d".formatted(number));
        body.put("birthYear", birthYear);
        body.put("town", TOWNS[number % TOWNS.length]);
        body.put("countryOfOrigin", COUNTRIES[number % COUNTRIES.length]);
        body.put("languages", List.of(number % 2 == 0 ? "rom" : "en"));
        body.put("reachGroups", List.of(number % 3 == 0 ? "wider-community" : "roma"));
        if (guardianId != null) {
            body.put("guardianId", guardianId);
        }
        // holding a reach group (ethnic origin) is special-category data and needs its own consent
        body.put("consents", List.of(Map.of("purpose", "programme-records", "givenBy", consentGivenBy),
                Map.of("purpose", "special-category", "givenBy", consentGivenBy)));
        if (gateway == null) {
            return () -> api.create("/api/participants", STAFF, body);
        }
        String id = UUID.randomUUID().toString();
        RegisterParticipant command = new RegisterParticipant(id, (String) body.get("fullName"), null, birthYear, null,
                (String) body.get("countryOfOrigin"), strings(body.get("languages")), (String) body.get("town"), guardianId,
                Set.copyOf(strings(body.get("reachGroups"))), List.of(new ConsentGrant("programme-records", consentGivenBy),
                new ConsentGrant("special-category", consentGivenBy)));
        return () -> {
            send(command);
            return id;
        };
    }

    /** As the server's dispatch interceptor stamps a command sent while serving {@code kent-staff}. */
    private long send(Object command) {
        return gateway.<Long>sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                MetadataKeys.TENANT_ID, "kent", MetadataKeys.ACTOR_ID, STAFF, MetadataKeys.ACTOR_ROLE, "staff")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }

    /** A programme over the last year and the next, with people, sessions and events targets. */
    String launchProgramme(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("startDate", firstDay().toString());
        body.put("endDate", today.plusDays(365).toString());
        body.put("towns", List.of(TOWNS));
        body.put("funders", List.of(Map.of("funder", "Community Fund", "type", "GRANT", "amount", 300000, "currency", "GBP")));
        body.put("targets", List.of(
                Map.of("metric", "DISTINCT_PARTICIPANTS", "value", 1000),
                Map.of("metric", "DISTINCT_PARTICIPANTS", "reachGroup", "roma", "value", 400),
                Map.of("metric", "SESSIONS_HELD", "value", 2000),
                Map.of("metric", "EVENTS_HELD", "value", 100)));
        return api.create("/api/programmes", ADMIN, body);
    }

    /** One weekly activity of each of four kinds, every weekday over the programme period. */
    List<String> planActivities(String programmeId) {
        List<String> activities = new ArrayList<>();
        for (int i = 0; i < ACTIVITY_KINDS.length; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "Bench activity " + (i + 1));
            body.put("kind", ACTIVITY_KINDS[i]);
            body.put("audience", "parents and children");
            body.put("town", TOWNS[i % TOWNS.length]);
            body.put("venue", "Community hall");
            body.put("schedule", Map.of("days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                    "startTime", "09:30", "endTime", "11:30", "from", firstDay().toString()));
            body.put("languages", List.of("en", "rom"));
            body.put("simpleLanguage", true);
            activities.add(api.create("/api/programmes/" + programmeId + "/activities", ADMIN, body));
        }
        return activities;
    }

    LocalDate firstDay() {
        return today.minusDays(364);
    }

    /**
     * The body of the {@code index}-th seeded session: 40 people in a row of {@link #everyone}, shifted by one
     * each time the row wraps round, so people meet different people over the year; one in ten is a one-off
     * event, the others occurrences of the activities in turn; dates spread over the past year.
     */
    Map<String, Object> seededSession(String programmeId, List<String> activities, int index) {
        int n = everyone.size();
        int start = (index * REGISTER + index / (n / REGISTER)) % n;
        List<String> people = new ArrayList<>(REGISTER);
        for (int k = 0; k < REGISTER; k++) {
            people.add(everyone.get((start + k) % n));
        }
        Map<String, Object> body = session(programmeId, activities, index, firstDay().plusDays(index % 364));
        body.put("participantIds", people);
        return body;
    }

    /**
     * The {@code index}-th register of the steady-load run, in the shape of {@code LargeRegisterIT}: 8 families
     * checked in together (the rule that children belong to the guardian's household is checked) and 16 people
     * on their own.
     */
    Map<String, Object> familyRegister(String programmeId, List<String> activities, int index) {
        List<Map<String, Object>> families = new ArrayList<>();
        for (int f = 0; f < FAMILIES_PER_REGISTER; f++) {
            int family = (index * FAMILIES_PER_REGISTER + f) % guardians.size();
            families.add(Map.of("guardianId", guardians.get(family), "childIds",
                    children.subList(family * CHILDREN_PER_FAMILY, (family + 1) * CHILDREN_PER_FAMILY)));
        }
        List<String> alone = new ArrayList<>();
        for (int k = 0; k < INDIVIDUALS_PER_REGISTER; k++) {
            alone.add(individuals.get((index * INDIVIDUALS_PER_REGISTER + k) % individuals.size()));
        }
        Map<String, Object> body = session(programmeId, activities, index, firstDay().plusDays((index * 7L) % 364));
        body.put("participantIds", alone);
        body.put("families", families);
        return body;
    }

    private Map<String, Object> session(String programmeId, List<String> activities, int index, LocalDate date) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (index % 10 == 9) {
            body.put("programmeId", programmeId);
            body.put("kind", "COMMUNITY_EVENT");
            body.put("title", "Community day");
            body.put("town", TOWNS[index % TOWNS.length]);
        } else {
            body.put("activityId", activities.get(index % activities.size()));
        }
        body.put("date", date.toString());
        body.put("facilitatorIds", List.of(STAFF));
        return body;
    }

    /**
     * Records a session; while the programmes' participant facts are still catching up with fresh
     * registrations the register is refused as naming strangers, and is retried for up to two minutes.
     */
    ProgrammeApi.Answer hold(Map<String, Object> body) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            ProgrammeApi.Answer answer = api.post("/api/sessions", STAFF, body);
            if (answer.status() == 201) {
                return answer;
            }
            boolean factsBehind = answer.status() == 422 && answer.body().contains("is not a participant of this agency");
            if (!factsBehind || System.nanoTime() > deadline) {
                throw new IllegalStateException("POST /api/sessions answered " + answer.status() + ": " + answer.body());
            }
            factsRetries.incrementAndGet();
            Thread.sleep(200);
        }
    }

    /** Seeds sessions {@code from} (inclusive) to {@code to} (exclusive) on the data set's threads; answers each latency. */
    long[] seedSessions(String programmeId, List<String> activities, int from, int to) throws Exception {
        List<Long> nanos = inParallel(to - from, i -> () -> {
            Map<String, Object> body = seededSession(programmeId, activities, from + i);
            return gateway == null ? hold(body).nanos() : holdByCommand(body);
        });
        return nanos.stream().mapToLong(Long::longValue).toArray();
    }

    /** The command {@code SessionController.hold} sends for the body; answers the time to its result. */
    private long holdByCommand(Map<String, Object> body) throws InterruptedException {
        String sessionId = UUID.randomUUID().toString();
        return retryWhileFactsBehind(() -> {
            long start = System.nanoTime();
            holdByCommand(sessionId, body);
            return System.nanoTime() - start;
        });
    }

    /** Sends the command {@code SessionController.hold} sends for the body; answers the session's version. */
    long holdByCommand(String sessionId, Map<String, Object> body) {
        List<FamilyCheckIn> families = body.containsKey("families") ? familiesOf(body.get("families")) : List.of();
        HoldSession command = new HoldSession(sessionId, (String) body.get("programmeId"),
                (String) body.get("activityId"), body.containsKey("kind") ? ActivityKind.valueOf((String) body.get("kind")) : null,
                (String) body.get("title"), (String) body.get("town"), LocalDate.parse((String) body.get("date")),
                strings(body.get("facilitatorIds")), strings(body.get("participantIds")), families, List.of());
        return send(command);
    }

    @SuppressWarnings("unchecked")
    private static List<FamilyCheckIn> familiesOf(Object families) {
        return ((List<Map<String, Object>>) families).stream()
                .map(family -> new FamilyCheckIn((String) family.get("guardianId"), strings(family.get("childIds"))))
                .toList();
    }

    CommandGateway gateway() {
        return gateway;
    }

    private long retryWhileFactsBehind(Supplier<Long> attempt) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try {
                return attempt.get();
            } catch (RuntimeException refused) {
                if (!String.valueOf(refused.getMessage()).contains("is not a participant of this agency")
                        || System.nanoTime() > deadline) {
                    throw refused;
                }
            }
            factsRetries.incrementAndGet();
            Thread.sleep(200);
        }
    }

    private <T> List<T> inParallel(int count, IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(task.apply(i)));
            }
            List<T> results = new ArrayList<>(count);
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
