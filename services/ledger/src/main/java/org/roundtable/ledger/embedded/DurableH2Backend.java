package org.roundtable.ledger.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of the embedded server, made durable: a write is answered only after the MVStore
 * has committed it, so an acknowledged write survives {@code kill -9}. Writers that arrive while a
 * commit is running share the next one (group commit), which wins back most of the cost.
 */
public class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of(
            "insert", "update", "delete", "findandmodify", "findAndModify", "createIndexes", "drop",
            "dropIndexes", "dropDatabase", "create", "renameCollection");

    private final MVStore store;
    private final boolean sync;
    private final Object commitLock = new Object();
    private final AtomicLong writesDone = new AtomicLong();
    private volatile long writesCommitted;
    private final AtomicLong commits = new AtomicLong();

    /**
     * @param store the store to serve and commit
     * @param sync  also force the file to the disk after each commit (survives power loss, slower)
     */
    public DurableH2Backend(MVStore store, boolean sync) {
        super(store);
        this.store = store;
        this.sync = sync;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document reply = super.handleCommand(channel, databaseName, command, query);
        if (WRITES.contains(command)) {
            commitDurably(writesDone.incrementAndGet());
        }
        return reply;
    }

    private void commitDurably(long ticket) {
        if (writesCommitted >= ticket) {
            return;
        }
        synchronized (commitLock) {
            if (writesCommitted >= ticket) {
                return;
            }
            // every write numbered up to here has finished changing the store, so this commit holds it
            long upTo = writesDone.get();
            store.commit();
            if (sync) {
                store.sync();
            }
            commits.incrementAndGet();
            writesCommitted = upTo;
        }
    }

    /** Commits made so far; fewer than writes under concurrency thanks to group commit. */
    public long commitCount() {
        return commits.get();
    }
}
