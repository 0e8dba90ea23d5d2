package org.roundtable.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.roundtable.programmes.api.FindSessionVersion;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The programmes benchmark: the whole server in this JVM over an in-memory MongoDB reached through the
 * driver, driven over HTTP on loopback with the demo agency's tokens.
 * <ol>
 *   <li>A programme's report ({@code GET /api/programmes/{id}/report}) with 1,000 and with 100,000
 *       attendances of 2,000 registered people: the same programme before and after it grows, and, measured
 *       in alternating rounds, the grown programme beside a second programme that stays at 1,000, and beside a
 *       control programme that reaches all 2,000 people with one attendance each (the report's cost follows
 *       people and days by design; the control tells attendances apart from people).</li>
 *   <li>Recording a 40-person register ({@code POST /api/sessions}, one request) at a fixed pace from two
 *       client threads: p50, p99 and their ratio.</li>
 * </ol>
 * Reports numbers to {@code PROGRAMMES-RESULTS.md}; gates nothing.
 */
public final class ProgrammeBenchmark {

    private static final String SERVER_APPLICATION = "org.roundtable.server.RoundtableApplication";
    private static final ZoneId KENT = ZoneId.of("Europe/London");

    private final int participants = Integer.getInteger("bench.participants", 2000);
    private final int sessions = Integer.getInteger("bench.sessions", 2500);
    private final int smallSessions = Integer.getInteger("bench.smallSessions", 25);
    private final int seedThreads = Integer.getInteger("bench.seedThreads", 4);
    /** How the bulk of the data set is written: "http", or "gateway" (the controllers' commands, sent in-process). */
    private final String seedVia = System.getProperty("bench.seedVia", "gateway");
    private final int reportRequests = Integer.getInteger("bench.reportRequests", 50);
    private final int reportRounds = Integer.getInteger("bench.reportRounds", 5);
    private final int loadThreads = Integer.getInteger("bench.loadThreads", 2);
    private final double loadRate = Double.parseDouble(System.getProperty("bench.loadRate", "4"));
    private final int loadSeconds = Integer.getInteger("bench.loadSeconds", 30);
    private final int loadRuns = Integer.getInteger("bench.loadRuns", 3);
    private final Path results = Path.of(System.getProperty("bench.programmesResults", "PROGRAMMES-RESULTS.md"));

    private final ProgrammeResults out = new ProgrammeResults();
    private final long startedAt = System.nanoTime();
    private ConfigurableApplicationContext server;
    private ProgrammeApi api;
    private ProgrammeDataSet data;

    public static void main(String[] args) throws Exception {
        // Axon's update checker calls a host outside this machine
        System.setProperty("axoniq.update-checker.disabled", "true");
        try {
            preloadOwnClasses();
            new ProgrammeBenchmark().run();
        } catch (Exception | Error failure) {
            failure.printStackTrace();
            // the server's non-daemon threads would keep a failed run alive
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        out.load("start", loadAverage());
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        Path dataDir = Files.createTempDirectory("roundtable-programmes-bench");
        long started = System.nanoTime();
        server = startServer(mongo.getLocalAddress().getPort(), dataDir);
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        log("server up on port %d in %.1f s", port, seconds(System.nanoTime() - started));
        out.step("server start (Spring context, Axon, embedded issuer)", System.nanoTime() - started);
        try {
            api = new ProgrammeApi(port);
            LocalDate today = LocalDate.now(KENT);
            CommandGateway gateway = "gateway".equals(seedVia) ? server.getBean(CommandGateway.class) : null;
            data = new ProgrammeDataSet(api, gateway, today, seedThreads);
            build();
            reports();
            registers();
        } finally {
            out.load("end", loadAverage());
            server.close();
            mongo.shutdownNow();
            try (var files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        String markdown = out.markdown(header());
        System.out.println(markdown);
        ProgrammeResults.write(results, markdown);
        log("wrote %s in %.0f s", results.toAbsolutePath(), seconds(System.nanoTime() - startedAt));
    }

    /**
     * Loads this benchmark's classes up front: the run reads them from {@code target/classes}, which other builds in
     * this shared tree may recompile during a run (a nested class that changed would then fail to load mid-run).
     */
    private static void preloadOwnClasses() throws Exception {
        Path location = Path.of(ProgrammeBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path folder = location.resolve(ProgrammeBenchmark.class.getPackageName().replace('.', '/'));
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("Programme.*\\.class")).toList()) {
                String simple = file.getFileName().toString().replace(".class", "");
                Class.forName(ProgrammeBenchmark.class.getPackageName() + "." + simple);
            }
        }
    }

    /** The server as {@code RoundtableApplication.main} starts it, on a free port, over the in-memory store. */
    private static ConfigurableApplicationContext startServer(int mongoPort, Path dataDir) throws ClassNotFoundException {
        // the server artifact is a Spring Boot executable jar: its classes are on our classpath only at run time
        Class<?> application = Class.forName(SERVER_APPLICATION);
        return new SpringApplication(application).run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.data.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/roundtable",
                "--roundtable.data-dir=" + dataDir,
                "--spring.main.banner-mode=off");
    }

    // ------------------------------------------------------------------ data set

    private String grown;
    private String small;
    private List<String> grownActivities;
    private List<String> smallActivities;
    private String control;
    private List<String> controlActivities;

    /** Sessions that take every participant once: the seeded rows of 40 cover everyone in order. */
    private int controlSessions() {
        return (participants + ProgrammeDataSet.REGISTER - 1) / ProgrammeDataSet.REGISTER;
    }

    private void build() throws Exception {
        data.reachGroups();
        long started = System.nanoTime();
        data.registerParticipants(participants);
        long took = System.nanoTime() - started;
        log("registered %d participants in %.1f s", participants, seconds(took));
        out.step("register " + participants + " participants " + via() + " (" + seedThreads + " threads; "
                + data.guardians.size() + " guardians with 2 children each, " + data.individuals.size()
                + " on their own)", took);
        out.rate("registrations " + via() + ", " + seedThreads + " threads, closed loop", participants / seconds(took),
                "participants/s");

        grown = data.launchProgramme("Integrated Communities");
        grownActivities = data.planActivities(grown);
        small = data.launchProgramme("Integrated Communities, second year");
        smallActivities = data.planActivities(small);
        control = data.launchProgramme("Integrated Communities, outreach");
        controlActivities = data.planActivities(control);
        data.seedSessions(grown, grownActivities, 0, smallSessions);
        data.seedSessions(small, smallActivities, 0, smallSessions);
        data.seedSessions(control, controlActivities, 0, controlSessions());
        out.note("Registers refused while the programmes' copy of the participant facts caught up with the"
                + " registrations, and retried: " + data.factsRetries.get() + ".");
    }

    // ------------------------------------------------------------------ (a) report latency

    private void reports() throws Exception {
        long smallAttendances = (long) smallSessions * ProgrammeDataSet.REGISTER;
        long bigAttendances = (long) sessions * ProgrammeDataSet.REGISTER;
        long smallPeople = Math.min(participants, smallAttendances);
        long bigPeople = Math.min(participants, bigAttendances);
        awaitReport(grown, smallAttendances, smallPeople);
        awaitReport(small, smallAttendances, smallPeople);
        awaitReport(control, (long) controlSessions() * ProgrammeDataSet.REGISTER, participants);

        log("(a) report of the programme at %,d attendances", smallAttendances);
        warmUp(grown);
        List<ProgrammeLatencies> before = new ArrayList<>();
        for (int round = 0; round < reportRounds; round++) {
            before.add(reportRound(grown));
        }

        log("growing the programme to %,d sessions", sessions);
        long started = System.nanoTime();
        long[] seeding = data.seedSessions(grown, grownActivities, smallSessions, sessions);
        long took = System.nanoTime() - started;
        log("recorded %,d sessions in %.1f s", sessions - smallSessions, seconds(took));
        out.step("record " + (sessions - smallSessions) + " sessions of 40 " + via() + " (" + seedThreads
                + " threads, closed loop)", took);
        out.rate("40-person registers " + via() + " while seeding, " + seedThreads + " threads, closed loop",
                (sessions - smallSessions) / seconds(took), "registers/s");
        ProgrammeLatencies seedLatencies = new ProgrammeLatencies(seeding);
        out.single("40-person register (40 people on their own) " + via() + " while seeding at full speed", seedLatencies,
                seedThreads + " closed-loop threads, the server saturated: not the steady-load figure");
        started = System.nanoTime();
        awaitReport(grown, bigAttendances, bigPeople);
        out.step("read models caught up after the last register answered", System.nanoTime() - started);

        log("(a) report of the programme at %,d attendances, alternating with the second programme at %,d",
                bigAttendances, smallAttendances);
        warmUp(grown);
        warmUp(small);
        List<ProgrammeLatencies> after = new ArrayList<>();
        List<ProgrammeLatencies> beside = new ArrayList<>();
        List<ProgrammeLatencies> everyoneOnce = new ArrayList<>();
        for (int round = 0; round < reportRounds; round++) {
            after.add(reportRound(grown));
            beside.add(reportRound(small));
            everyoneOnce.add(reportRound(control));
        }

        String shape = reportRounds + " rounds of " + reportRequests + " sequential requests";
        out.reportRow("the programme at " + fmtCount(smallAttendances) + " attendances (" + smallPeople + " people), before it grew",
                before, shape);
        out.reportRow("the same programme at " + fmtCount(bigAttendances) + " attendances (" + bigPeople + " people)", after,
                shape + ", alternating with the row below");
        out.reportRow("a second programme at " + fmtCount(smallAttendances) + " attendances (" + smallPeople
                + " people), same store, same time", beside, shape + ", alternating with the rows above and below");
        long controlAttendances = (long) controlSessions() * ProgrammeDataSet.REGISTER;
        out.reportRow("a control programme at " + fmtCount(controlAttendances) + " attendances (" + participants
                + " people, each once), same store, same time", everyoneOnce, shape + ", alternating with the rows above");
        out.ratio("report p50, grown ÷ before it grew (same programme, rounds taken minutes apart)",
                p50s(after), p50s(before), false, 1.5);
        out.ratio("report p99, grown ÷ before it grew", p99s(after), p99s(before), false, 1.5);
        out.ratio("report p50, 100,000-attendance programme ÷ 1,000-attendance programme (alternating rounds)",
                p50s(after), p50s(beside), true, 1.5);
        out.ratio("report p99, 100,000-attendance programme ÷ 1,000-attendance programme (alternating rounds)",
                p99s(after), p99s(beside), true, 1.5);
        out.ratio("control: report p50, 100,000-attendance programme ÷ " + fmtCount(controlAttendances)
                + "-attendance programme, both " + participants + " people (alternating rounds)",
                p50s(after), p50s(everyoneOnce), true, 1.5);
        out.ratio("control: report p99, the same two", p99s(after), p99s(everyoneOnce), true, 1.5);
    }

    private void awaitReport(String programmeId, long attendances, long people) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            JsonNode report = api.getJson("/api/programmes/" + programmeId + "/report", ProgrammeDataSet.STAFF);
            boolean factsComplete = StreamSupport.stream(report.get("byTown").spliterator(), false)
                    .noneMatch(town -> "unknown".equals(town.get("key").asText()));
            if (report.get("totalAttendances").asLong() == attendances
                    && report.get("distinctParticipants").get("value").asLong() == people && factsComplete) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("report of " + programmeId + " did not reach " + attendances
                        + " attendances of " + people + " people: " + report.get("totalAttendances") + ", "
                        + report.get("distinctParticipants"));
            }
            Thread.sleep(100);
        }
    }

    private void warmUp(String programmeId) {
        for (int i = 0; i < 20; i++) {
            report(programmeId);
        }
    }

    private ProgrammeLatencies reportRound(String programmeId) {
        long[] nanos = new long[reportRequests];
        for (int i = 0; i < reportRequests; i++) {
            nanos[i] = report(programmeId);
        }
        return new ProgrammeLatencies(nanos);
    }

    private long report(String programmeId) {
        ProgrammeApi.Answer answer = api.get("/api/programmes/" + programmeId + "/report", ProgrammeDataSet.STAFF);
        if (answer.status() != 200) {
            throw new IllegalStateException("report answered " + answer.status() + ": " + answer.body());
        }
        return answer.nanos();
    }

    // ------------------------------------------------------------------ (b) register latency under steady load

    private void registers() throws Exception {
        double perThreadInterval = loadThreads / loadRate;
        log("(b) 40-person registers: %d threads, %.2f registers/s in all, %d s per run, %d runs", loadThreads, loadRate,
                loadSeconds, loadRuns);
        AtomicInteger index = new AtomicInteger();
        Register overHttp = i -> new long[] {data.hold(data.familyRegister(grown, grownActivities, i)).nanos()};
        // the family check-in path has not run yet: a few seconds at the same pace, not recorded
        paced(index, Math.min(5, loadSeconds), perThreadInterval, overHttp);
        List<ProgrammeLatencies> service = new ArrayList<>();
        List<ProgrammeLatencies> fromSchedule = new ArrayList<>();
        int late = 0;
        for (int run = 0; run < loadRuns; run++) {
            out.load("before register run " + (run + 1), loadAverage());
            List<long[]> samples = paced(index, loadSeconds, perThreadInterval, overHttp);
            service.add(column(samples, 0));
            fromSchedule.add(column(samples, 1));
            late += (int) samples.stream().filter(sample -> sample[2] == 1).count();
            log("run %d: %d registers, p50 %.1f ms, p99 %.1f ms", run + 1, samples.size(),
                    service.get(run).p50(), service.get(run).p99());
        }
        String shape = loadRuns + " runs of " + loadSeconds + " s, " + loadThreads + " client threads at "
                + ProgrammeLatencies.fmt(loadRate) + " registers/s in all";
        out.registerRows(service, fromSchedule, shape, late);
        if (data.gateway() != null) {
            decompose(index, perThreadInterval);
        }
    }

    /**
     * Where a register's time goes: the same registers at the same pace, sent in-process as the controller sends
     * them, timing the command (aggregate, rules, ledger append) apart from the wait until the session's read model
     * shows it, polled every millisecond instead of the controller's backing-off pauses (5, 10, 20, 40, 80, 100 ms).
     */
    private void decompose(AtomicInteger index, double perThreadInterval) throws Exception {
        log("(b') the same registers in-process: command time and read-model lag, %d s", loadSeconds);
        QueryGateway queries = server.getBean(QueryGateway.class);
        List<long[]> samples = paced(index, loadSeconds, perThreadInterval, i -> {
            String sessionId = UUID.randomUUID().toString();
            long started = System.nanoTime();
            long version = data.holdByCommand(sessionId, data.familyRegister(grown, grownActivities, i));
            long answered = System.nanoTime();
            long deadline = answered + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                Long seen = queries.query(new FindSessionVersion("kent", sessionId), Long.class).join();
                if (seen != null && seen >= version) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("session read model did not catch up within 30 s");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            return new long[] {answered - started, System.nanoTime() - answered};
        });
        String shape = "1 run of " + loadSeconds + " s, " + loadThreads + " threads at " + ProgrammeLatencies.fmt(loadRate)
                + " registers/s, in-process";
        out.decomposition(column(samples, 0), column(samples, 1), shape);
    }

    /** One register of the steady-load run; answers its measurements in nanoseconds. */
    private interface Register {
        long[] record(int index) throws Exception;
    }

    private static ProgrammeLatencies column(List<long[]> samples, int column) {
        return new ProgrammeLatencies(samples.stream().mapToLong(sample -> sample[column]).toArray());
    }

    /**
     * Each thread records a register at its fixed ticks; a register still running at the next tick delays that
     * one. Each sample is the register's own measurements, then its latency from the tick it was due, then 1 if
     * it was sent more than a tenth of an interval late.
     */
    private List<long[]> paced(AtomicInteger index, int seconds, double perThreadInterval, Register register)
            throws Exception {
        long intervalNanos = (long) (perThreadInterval * 1e9);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(loadThreads);
        try {
            List<Future<List<long[]>>> threads = new ArrayList<>();
            for (int t = 0; t < loadThreads; t++) {
                long offset = intervalNanos * t / loadThreads;
                threads.add(pool.submit(() -> {
                    List<long[]> samples = new ArrayList<>();
                    for (long due = start + offset; due < end; due += intervalNanos) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        long sent = System.nanoTime();
                        long[] own = register.record(index.getAndIncrement());
                        long[] sample = Arrays.copyOf(own, own.length + 2);
                        sample[own.length] = System.nanoTime() - due;
                        sample[own.length + 1] = sent - due > intervalNanos / 10 ? 1 : 0;
                        samples.add(sample);
                    }
                    return samples;
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<List<long[]>> thread : threads) {
                all.addAll(thread.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static double[] p50s(List<ProgrammeLatencies> rounds) {
        return rounds.stream().mapToDouble(ProgrammeLatencies::p50).toArray();
    }

    private static double[] p99s(List<ProgrammeLatencies> rounds) {
        return rounds.stream().mapToDouble(ProgrammeLatencies::p99).toArray();
    }

    private String header() {
        var runtime = ManagementFactory.getRuntimeMXBean();
        return "# Programmes benchmark results\n\n"
                + "Generated by `org.roundtable.benchmarks.ProgrammeBenchmark` on " + Instant.now() + " in "
                + String.format(Locale.ROOT, "%.0f s", seconds(System.nanoTime() - startedAt)) + ".\n\n"
                + "- Command: `./mvnw -B -o -Pbench -pl services/benchmarks verify -Dbench.only=programmes` (the module exists"
                + " only under the `bench` profile; `bench.only=programmes` activates the `programmes-benchmark` profile of"
                + " its POM, which runs this class instead of the ledger benchmark)\n"
                + "- Parameters: participants=" + participants + ", sessions=" + sessions + ", smallSessions=" + smallSessions
                + ", seedThreads=" + seedThreads + ", seedVia=" + seedVia + ", reportRequests=" + reportRequests + ", reportRounds=" + reportRounds
                + ", loadThreads=" + loadThreads + ", loadRate=" + loadRate + "/s, loadSeconds=" + loadSeconds
                + ", loadRuns=" + loadRuns + "\n"
                + "- Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (nproc), " + runtime.getVmName() + " "
                + System.getProperty("java.version") + ", heap max " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MB, JVM args " + runtime.getInputArguments().stream()
                .filter(arg -> !arg.startsWith("-Dbench.")).toList() + "\n"
                + "- Server: `RoundtableApplication` started in this JVM by `SpringApplication` (as `main` starts it),"
                + " port 0 on 127.0.0.1, over one in-memory mongo-java-server (memory backend) reached by the MongoDB driver"
                + " over TCP; client: `java.net.http.HttpClient` (HTTP/1.1) on loopback with tokens of the embedded issuer"
                + " (`kent-staff`, `kent-admin`, client-credentials grant). Client and server share the JVM and the 2 cores.\n"
                + "- Data set: " + participants + " participants of the `kent` agency and the seeded sessions " + via()
                + ("gateway".equals(seedVia) ? " (the same `RegisterParticipant` and `HoldSession` commands the controllers"
                + " send, with the tenant/actor/role metadata their dispatch interceptor adds, from " + seedThreads
                + " threads; over HTTP each request also waits for its read model, which made a 2,000/2,500 build take"
                + " most of the 10-minute budget on this shared machine); everything else over HTTP" : "")
                + ". Two programmes with 4 weekly activities and 4 targets each; sessions of 40 registered attendees"
                + " (9 in 10 occurrences of an activity, 1 in 10 a one-off event) spread over the past year. Every"
                + " measured request is HTTP.\n";
    }

    private String via() {
        return "gateway".equals(seedVia) ? "through the CommandGateway" : "over HTTP";
    }

    /** The 1, 5 and 15 minute load averages: other engineers' builds share this machine's cores. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (Exception e) {
            return String.format(Locale.ROOT, "%.2f (1 min)", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String fmtCount(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[programmes %5.0f s] %s%n", seconds(System.nanoTime() - startedAt),
                String.format(Locale.ROOT, format, args));
    }
}
