package org.roundtable.ledger.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: mongo-java-server in this JVM, listening on loopback only, reached through
 * the real MongoDB driver like any other MongoDB. The H2 file backend keeps data across restarts
 * and answers a write only once it is committed; the memory backend is for tests.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    public static final String FILE_NAME = "roundtable.mv";
    static final int RETENTION_MILLIS = 1_000;

    private final MongoServer server;
    private final MVStore store;
    private final DurableH2Backend durable;
    private final ScheduledExecutorService maintenance;
    private final String connectionString;

    private EmbeddedMongo(MongoBackend backend, MVStore store, DurableH2Backend durable, int port,
                          ScheduledExecutorService maintenance) {
        this.store = store;
        this.durable = durable;
        this.maintenance = maintenance;
        this.server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", port));
        InetSocketAddress address = server.getLocalAddress();
        this.connectionString = "mongodb://127.0.0.1:" + address.getPort();
    }

    /** A memory-backed server on a free loopback port (tests). */
    public static EmbeddedMongo inMemory(int port) {
        return new EmbeddedMongo(new MemoryBackend(), null, null, port, null);
    }

    /**
     * A file-backed server under {@code dataDir}.
     *
     * @param sync        force each commit to the disk (power-loss safe) rather than to the OS only
     * @param warnAtBytes log a warning at start-up when the file is larger than this
     */
    public static EmbeddedMongo onDisk(Path dataDir, int port, boolean sync, long warnAtBytes) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
        }
        Path file = dataDir.resolve(FILE_NAME);
        long size = sizeOf(file);
        if (size > warnAtBytes) {
            log.warn("The embedded store {} holds {} MB, past the {} MB it is meant for; "
                            + "move to a real MongoDB (see README, 'Moving to MongoDB')",
                    file, size / (1024 * 1024), warnAtBytes / (1024 * 1024));
        }
        if (size > 0) {
            // Rewriting the file with only its live data at start-up is what reliably returns the space
            // that per-write commits used (online compaction only reuses it); it takes seconds per GB.
            MVStoreTool.compactCleanUp(file.toString());
            MVStoreTool.compact(file.toString(), false);
            log.info("Embedded store {} compacted from {} MB to {} MB", file, size / (1024 * 1024),
                    sizeOf(file) / (1024 * 1024));
        }
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .autoCompactFillRate(60)
                .open();
        // Each acknowledged write is its own commit, i.e. a new chunk of ~35 KB; by default H2 keeps freed
        // chunks 45 s before reusing their space, which lets the file grow by tens of KB per write under
        // load. Writes are durable at commit and the store is single-process, so a short retention suffices.
        store.setRetentionTime(RETENTION_MILLIS);
        DurableH2Backend backend = new DurableH2Backend(store, sync);
        ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "embedded-mongo-compaction");
            thread.setDaemon(true);
            return thread;
        });
        // commits per write leave many half-empty chunks behind; rewriting them keeps the file bounded
        maintenance.scheduleWithFixedDelay(() -> compact(store), 30, 30, TimeUnit.SECONDS);
        EmbeddedMongo mongo = new EmbeddedMongo(backend, store, backend, port, maintenance);
        log.info("Embedded MongoDB serving {} at {}", file, mongo.connectionString);
        return mongo;
    }

    static void compact(MVStore store) {
        synchronized (store) {
            compactUnlocked(store);
        }
    }

    private static void compactUnlocked(MVStore store) {
        try {
            if (!store.isClosed() && store.getFillRate() < 70) {
                store.compact(70, 16 * 1024 * 1024);
            }
        } catch (RuntimeException e) {
            log.warn("Compaction of the embedded store failed; it will be tried again", e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0L;
        } catch (IOException e) {
            return 0L;
        }
    }

    public String connectionString() {
        return connectionString;
    }

    public int port() {
        return server.getLocalAddress().getPort();
    }

    /** The size of the store file in bytes (0 for the memory backend). */
    public long fileSize() {
        return store == null ? 0L : store.getFileStore().size();
    }

    /** Rewrites sparse chunks and shrinks the file now (sparse chunks are also rewritten every 30 s). */
    public void compactNow() {
        if (store != null) {
            synchronized (store) {
                compactUnlocked(store);
                store.commit();
                store.compactFile(10_000);
            }
        }
    }

    public long commitCount() {
        return durable == null ? 0L : durable.commitCount();
    }

    @Override
    public void close() {
        if (maintenance != null) {
            maintenance.shutdownNow();
        }
        server.shutdownNow();
    }
}
