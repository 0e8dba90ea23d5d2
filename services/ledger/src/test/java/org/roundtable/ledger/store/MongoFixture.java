package org.roundtable.ledger.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.roundtable.ledger.embedded.EmbeddedMongo;

/**
 * A MongoDB for the ledger's tests: the real one named by {@code MONGODB_URI} when it is set (each
 * fixture then gets a database of its own), otherwise the embedded memory server on loopback.
 */
final class MongoFixture implements AutoCloseable {

    private final EmbeddedMongo embedded;
    private final String connectionString;
    private final String databaseName;
    private final java.util.List<MongoClient> clients = new java.util.ArrayList<>();

    MongoFixture() {
        String external = System.getenv("MONGODB_URI");
        if (external != null && !external.isBlank()) {
            embedded = null;
            connectionString = external;
        } else {
            embedded = EmbeddedMongo.inMemory(0);
            connectionString = embedded.connectionString();
        }
        databaseName = "ledger_test_" + Long.toHexString(System.nanoTime());
    }

    /** A new client each time: separate clients behave like separate writers. */
    MongoDatabase database() {
        MongoClient client = MongoClients.create(connectionString);
        clients.add(client);
        return client.getDatabase(databaseName);
    }

    /** A database on a new client whose commands the listener sees (to count queries). */
    MongoDatabase database(com.mongodb.event.CommandListener listener) {
        MongoClient client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(connectionString))
                .addCommandListener(listener)
                .build());
        clients.add(client);
        return client.getDatabase(databaseName);
    }

    MongoLedgerEngine engine(LedgerSettings settings) {
        return MongoLedgerEngine.builder()
                .database(database())
                .settings(settings)
                .eventSerializer(TestEvents.serializer())
                .snapshotSerializer(TestEvents.serializer())
                .build();
    }

    MongoLedgerEngine engine() {
        return engine(LedgerSettings.defaults());
    }

    @Override
    public void close() {
        if (embedded == null) {
            database().drop();
        }
        clients.forEach(MongoClient::close);
        if (embedded != null) {
            embedded.close();
        }
    }
}
