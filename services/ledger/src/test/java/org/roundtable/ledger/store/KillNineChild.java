package org.roundtable.ledger.store;

import java.nio.file.Path;
import org.roundtable.ledger.embedded.EmbeddedMongo;

/**
 * Runs in a child JVM: serves the embedded file store and appends three-event commits in a loop,
 * printing {@code ACK <n>} after each acknowledged one, until it is killed.
 */
public final class KillNineChild {

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        String prefix = args[1];
        EmbeddedMongo mongo = EmbeddedMongo.onDisk(dataDir, 0, false, Long.MAX_VALUE);
        try (var client = com.mongodb.client.MongoClients.create(mongo.connectionString())) {
            MongoLedgerEngine engine = MongoLedgerEngine.builder()
                    .database(client.getDatabase("roundtable"))
                    .eventSerializer(TestEvents.serializer())
                    .build();
            System.out.println("READY");
            System.out.flush();
            for (long n = 0; ; n++) {
                engine.appendEvents(TestEvents.commit(prefix + n, 0, 3, "kent"));
                System.out.println("ACK " + n);
                System.out.flush();
            }
        }
    }

    private KillNineChild() {
    }
}
