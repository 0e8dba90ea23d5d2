package org.roundtable.scaleout;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.roundtable.ledger.embedded.EmbeddedMongo;

/**
 * One MongoDB (the embedded server, in this JVM, on loopback) and N server JVMs over it.
 *
 * <p>Every instance runs in the default {@code embedded} security mode and gets the same issuer key
 * file ({@code issuer-key.json}) in its own data directory before it starts, so a token from any
 * instance is good on all of them, like tokens of one external IdP. The alternative, instances 2..N
 * in {@code oidc} mode trusting instance 1, would make instance 1 a single point of failure and rule
 * out killing it. All instances also share one ledger master key, as production instances must.
 */
final class Cluster implements AutoCloseable {

    static final String DATABASE = "roundtable";
    /**
     * The production default. Not shorter: Axon's pooled processors renew a claim only every 5 s
     * (claimExtensionThreshold), so with a 5 s timeout live instances steal each other's segments in turn.
     */
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    private final EmbeddedMongo mongo;
    private final ServerLauncher launcher = ServerLauncher.fromBuild();
    private final Path workDir;
    private final Path logDir;
    private final String issuerKey;
    private final String masterKey;
    private final List<ServerInstance> instances = new ArrayList<>();
    private final Store store;
    private final Api api = new Api();
    private final Thread reaper = new Thread(this::killAll, "scaleout-reaper");

    Cluster(String name) {
        try {
            this.workDir = Files.createTempDirectory("roundtable-scaleout-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.logDir = Path.of(System.getProperty("scaleout.logs", workDir.resolve("logs").toString())).resolve(name);
        this.issuerKey = newIssuerKey();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.masterKey = Base64.getEncoder().encodeToString(key);
        this.mongo = EmbeddedMongo.inMemory(0);
        this.store = new Store(mongo.connectionString(), DATABASE);
        // a test JVM that dies must not leave servers behind
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts {@code count} more instances at once (all processes launched before any is waited for). */
    List<ServerInstance> launch(int count) {
        List<ServerInstance> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "instance-" + (instances.size() + 1);
            Path dataDir = workDir.resolve(name);
            try {
                Files.createDirectories(dataDir);
                Files.writeString(dataDir.resolve("issuer-key.json"), issuerKey);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int port = freePort();
            ServerInstance instance = ServerInstance.start(name, launcher, port, List.of(
                    "--server.port=" + port,
                    "--server.address=127.0.0.1",
                    "--spring.main.banner-mode=off",
                    "--spring.data.mongodb.uri=" + mongo.connectionString() + "/" + DATABASE,
                    "--roundtable.data-dir=" + dataDir,
                    "--roundtable.ledger.master-key=" + masterKey,
                    "--roundtable.ledger.claim-timeout=" + CLAIM_TIMEOUT.toSeconds() + "s"), logDir);
            instances.add(instance);
            started.add(instance);
        }
        return started;
    }

    /**
     * Waits until every given instance answers readiness UP. One that fails to start is killed and
     * the others are still waited for, so that later tests run on the healthy ones; then this fails.
     */
    Duration awaitReady(List<ServerInstance> which, Duration timeout) {
        Map<ServerInstance, String> failed = new ConcurrentHashMap<>();
        Duration took = Await.until(timeout, "all of " + which + " ready (logs in " + logDir + ")",
                () -> which.stream().filter(instance -> !failed.containsKey(instance)).allMatch(instance -> {
                    try {
                        return instance.isReady();
                    } catch (IllegalStateException startFailed) {
                        failed.put(instance, startFailed.getMessage());
                        return true;
                    }
                }));
        if (!failed.isEmpty()) {
            throw new AssertionError("Did not start: " + failed.values());
        }
        return took;
    }

    List<ServerInstance> live() {
        return instances.stream().filter(ServerInstance::isAlive).toList();
    }

    Set<Long> livePids() {
        return live().stream().map(ServerInstance::pid).collect(Collectors.toSet());
    }

    Store store() {
        return store;
    }

    Api api() {
        return api;
    }

    /** A token of a demo account of the embedded issuer, fetched from any live instance. */
    String token(String account) {
        return api.token(live().get(0), account);
    }

    private void killAll() {
        for (ServerInstance instance : instances) {
            if (instance.isAlive()) {
                try {
                    instance.kill9();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (ServerInstance instance : instances) {
            instance.stop();
        }
        store.close();
        mongo.close();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String newIssuerKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate().toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
