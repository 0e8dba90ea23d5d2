package org.roundtable.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.roundtable.scaleout.Store.Claim;
import org.roundtable.scaleout.Store.StoredEvent;

/**
 * Scale step 2 of the architecture on one machine: identical Roundtable server JVMs on loopback over
 * one MongoDB. The cluster starts with four instances at once on an empty store, goes on with three,
 * and loses one to {@code kill -9} at the end. The tests run in order because each leaves the
 * cluster in the state the next one starts from; starting JVMs is what costs the time here.
 */
@DisplayName("Scale-out: identical server JVMs over one MongoDB")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration READ_MODEL_TIMEOUT = Duration.ofSeconds(60);
    private static final String REGISTERED = "ParticipantRegistered";

    private Cluster cluster;
    private List<ServerInstance> firstFour;

    @BeforeAll
    void launchFourInstancesAtOnceOnAnEmptyStore() {
        cluster = new Cluster("scaleout");
        assertThat(cluster.store().claims()).as("token store before the start").isEmpty();
        firstFour = cluster.launch(4);
    }

    @AfterAll
    void stopAll() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void four_instances_starting_at_once_on_an_empty_token_store_all_start_and_share_each_segment_once() throws InterruptedException {
        Duration started = cluster.awaitReady(firstFour, START_TIMEOUT);
        System.out.printf("scale-out: 4 instances ready %ss after launch%n", started.toSeconds());

        Await.until(Cluster.CLAIM_TIMEOUT.multipliedBy(4), "every segment held once by a live instance",
                () -> cluster.store().everySegmentHeldOnceBy(cluster.livePids()));
        // four demo-tenant seeders raced: each tenant exists once, created by one of them
        List<StoredEvent> tenantsCreated = ofType(cluster.store().events(), "TenantCreated");
        assertThat(tenantsCreated).extracting(StoredEvent::aggregateId)
                .containsExactlyInAnyOrder("kent", "krefeld", "darmstadt");

        // back to three: a graceful stop hands the fourth's segments to the others
        ServerInstance fourth = firstFour.get(3);
        fourth.stop();
        Await.until(Cluster.CLAIM_TIMEOUT.multipliedBy(4), "segments of the stopped instance taken over",
                () -> cluster.store().everySegmentHeldOnceBy(cluster.livePids()));
        assertThat(cluster.live()).hasSize(3);
    }

    @Test
    @Order(2)
    void commands_sent_to_every_instance_are_stored_once_and_every_instance_reads_them_all() throws Exception {
        List<ServerInstance> three = cluster.live();
        assertThat(three).as("live instances").hasSizeGreaterThanOrEqualTo(2);
        String token = cluster.token("krefeld-staff");
        int count = 30;
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerInstance target = three.get(i % three.size());
                String name = "Krefeld Person " + i;
                created.add(clients.submit(() -> {
                    HttpResponse<String> answer = cluster.api().register(target, token, name);
                    assertThat(answer.statusCode()).as("registration through %s", target).isEqualTo(201);
                    return Api.createdId(answer);
                }));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> id : created) {
                ids.add(id.get(60, TimeUnit.SECONDS));
            }
            assertThat(ids).hasSize(count);

            Map<String, Long> stored = countByAggregate(ofTenant(ofType(cluster.store().events(), REGISTERED), "krefeld"));
            assertThat(stored.keySet()).isEqualTo(ids);
            assertThat(stored.values()).allMatch(n -> n == 1);

            for (ServerInstance instance : three) {
                Await.until(READ_MODEL_TIMEOUT, instance + " lists all " + count + " participants",
                        () -> listedIds(instance, token).equals(ids));
                for (String id : ids) {
                    assertThat(cluster.api().get(instance, token, "/api/participants/" + id).statusCode())
                            .as("participant %s read through %s", id, instance).isEqualTo(200);
                }
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    @Order(3)
    void every_segment_of_every_processing_group_is_claimed_by_exactly_one_live_instance() {
        Map<String, List<Claim>> byProcessor = cluster.store().claimsByProcessor();
        assertThat(byProcessor).containsKeys("participant-directory", "tenant-directory");
        Set<Long> live = cluster.livePids();
        byProcessor.forEach((processor, claims) -> {
            assertThat(Store.segmentsPartitionTheStream(claims))
                    .as("%s: segments %s, each once, covering the stream", processor, claims).isTrue();
            assertThat(claims).as("%s: every segment owned by a live instance", processor)
                    .allMatch(claim -> claim.owner() != null && live.contains(claim.ownerPid()));
        });
        System.out.println("scale-out: segments per instance pid " + segmentsPerPid());
    }

    @Test
    @Order(4)
    void concurrent_corrections_of_one_participant_through_different_instances_win_once_per_version() throws Exception {
        List<ServerInstance> three = cluster.live();
        assertThat(three).as("live instances").hasSizeGreaterThanOrEqualTo(2);
        String token = cluster.token("darmstadt-staff");
        HttpResponse<String> registered = cluster.api().register(three.get(0), token, "Darmstadt Person");
        assertThat(registered.statusCode()).isEqualTo(201);
        String id = Api.createdId(registered);
        String path = "/api/participants/" + id;
        long version = etag(registered);
        long firstVersion = version;
        int rounds = 5;
        ExecutorService clients = Executors.newFixedThreadPool(three.size());
        try {
            for (int round = 0; round < rounds; round++) {
                CountDownLatch gate = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < three.size(); i++) {
                    ServerInstance target = three.get(i);
                    String body = "{\"fullName\":\"Darmstadt Person " + round + "-" + i + "\"}";
                    String ifMatch = "\"" + version + "\"";
                    answers.add(clients.submit(() -> {
                        gate.await();
                        return cluster.api().patch(target, token, path, ifMatch, body);
                    }));
                }
                gate.countDown();
                List<HttpResponse<String>> results = new ArrayList<>();
                for (Future<HttpResponse<String>> answer : answers) {
                    results.add(answer.get(60, TimeUnit.SECONDS));
                }
                List<Integer> statuses = results.stream().map(HttpResponse::statusCode).toList();
                assertThat(statuses).as("round %d: one winner", round).containsOnlyOnce(200);
                assertThat(statuses.stream().filter(status -> status != 200))
                        .as("round %d: the others refused as conflicts", round).allMatch(s -> s == 409 || s == 412);
                HttpResponse<String> winner = results.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
                assertThat(etag(winner)).as("round %d: the winner's version", round).isEqualTo(version + 1);
                version = etag(winner);
            }
        } finally {
            clients.shutdownNow();
        }

        List<StoredEvent> events = cluster.store().eventsOf(id);
        assertThat(events).extracting(StoredEvent::sequence)
                .as("one event per sequence number, none missing")
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(0, version).boxed().toList());
        assertThat(ofType(events, "ParticipantCorrected")).as("one correction per winner").hasSize(rounds);
        assertThat(version).isEqualTo(firstVersion + rounds);
        long finalVersion = version;
        for (ServerInstance instance : three) {
            Await.until(READ_MODEL_TIMEOUT, "version " + finalVersion + " read through " + instance,
                    () -> etag(cluster.api().get(instance, token, path)) == finalVersion);
        }
    }

    @Test
    @Order(5)
    void killing_the_busiest_instance_under_load_hands_its_segments_over_and_loses_nothing_acknowledged() throws Exception {
        List<ServerInstance> three = cluster.live();
        assertThat(three).as("live instances").hasSizeGreaterThanOrEqualTo(2);
        Map<Long, Long> perPid = segmentsPerPid();
        ServerInstance victim = three.stream()
                .max(Comparator.comparingLong(instance -> perPid.getOrDefault(instance.pid(), 0L))).orElseThrow();
        List<ServerInstance> survivors = three.stream().filter(instance -> instance != victim).toList();
        Set<Long> survivorPids = survivors.stream().map(ServerInstance::pid).collect(Collectors.toSet());
        String token = cluster.token("kent-staff");

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger lostConnections = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        int maxRequests = 150;
        ExecutorService load = Executors.newFixedThreadPool(3);
        for (int thread = 0; thread < 3; thread++) {
            load.submit(() -> {
                while (!stop.get()) {
                    int n = sent.getAndIncrement();
                    if (n >= maxRequests) {
                        return;
                    }
                    ServerInstance target = three.get(n % three.size());
                    try {
                        HttpResponse<String> answer = cluster.api().trySendRegistration(target, token, "Kent Person " + n);
                        if (answer.statusCode() == 201) {
                            acknowledged.add(Api.createdId(answer));
                        } else {
                            unexpected.add(target.name() + " answered " + answer.statusCode());
                        }
                    } catch (IOException connectionLost) {
                        // the killed instance: refused or cut off; never acknowledged
                        lostConnections.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        try {
            Await.until(Duration.ofSeconds(60), "load under way", () -> acknowledged.size() >= 15);
            victim.kill9();
            int acknowledgedAtKill = acknowledged.size();
            Duration takeover = Await.until(Cluster.CLAIM_TIMEOUT.multipliedBy(2).plusSeconds(10),
                    "every segment of " + victim + " taken over by " + survivors,
                    () -> cluster.store().everySegmentHeldOnceBy(survivorPids));
            System.out.printf("scale-out: %s killed holding %d segments; all taken over %d ms later "
                    + "(claim timeout %ss)%n", victim, perPid.getOrDefault(victim.pid(), 0L), takeover.toMillis(),
                    Cluster.CLAIM_TIMEOUT.toSeconds());
            Await.until(Duration.ofSeconds(90), "load goes on through the survivors",
                    () -> acknowledged.size() >= acknowledgedAtKill + 15 || sent.get() >= maxRequests);
        } finally {
            stop.set(true);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(unexpected).as("answers other than 201 from live instances").isEmpty();
        assertThat(lostConnections.get()).as("requests to the killed instance failed").isPositive();

        // the ledger holds every acknowledged registration exactly once (and maybe some the victim
        // stored but could not answer before it died, also exactly once)
        Map<String, Long> stored = countByAggregate(ofTenant(ofType(cluster.store().events(), REGISTERED), "kent"));
        assertThat(stored.keySet()).containsAll(acknowledged);
        assertThat(stored.values()).allMatch(n -> n == 1);
        assertThat(stored.size()).isLessThanOrEqualTo(200);

        // and the read models the survivors now maintain are complete
        for (ServerInstance survivor : survivors) {
            Await.until(READ_MODEL_TIMEOUT, survivor + " lists every stored Kent participant",
                    () -> listedIds(survivor, token).equals(stored.keySet()));
        }
        System.out.printf("scale-out: %d acknowledged, %d stored, %d connections lost to the killed instance%n",
                acknowledged.size(), stored.size(), lostConnections.get());
    }

    private Set<String> listedIds(ServerInstance instance, String token) {
        HttpResponse<String> page = cluster.api().get(instance, token, "/api/participants?size=200");
        if (page.statusCode() != 200) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode item : Api.json(page).path("items")) {
            ids.add(item.path("id").asText());
        }
        return ids;
    }

    private Map<Long, Long> segmentsPerPid() {
        return cluster.store().claims().stream()
                .collect(Collectors.groupingBy(Claim::ownerPid, Collectors.counting()));
    }

    private static long etag(HttpResponse<String> answer) {
        String tag = answer.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
        return Long.parseLong(tag.replace("\"", "").replace("W/", ""));
    }

    private static List<StoredEvent> ofType(List<StoredEvent> events, String simpleName) {
        return events.stream().filter(event -> event.type() != null
                && (event.type().equals(simpleName) || event.type().endsWith("." + simpleName))).toList();
    }

    private static List<StoredEvent> ofTenant(List<StoredEvent> events, String tenant) {
        return events.stream().filter(event -> tenant.equals(event.tenant())).toList();
    }

    private static Map<String, Long> countByAggregate(List<StoredEvent> events) {
        return events.stream().collect(Collectors.groupingBy(StoredEvent::aggregateId, Collectors.counting()));
    }
}
