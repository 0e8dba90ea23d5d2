package org.roundtable.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.ledger.embedded.EmbeddedMongo;
import org.roundtable.ledger.embedded.MongoCopy;
import org.roundtable.ledger.seal.Sealer;
import org.roundtable.ledger.seal.Verifier;

class MongoCopyTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("the embedded store's data moves to another MongoDB whole: same events, same chain, and it refuses to merge")
    void copiesEverything() {
        try (EmbeddedMongo disk = EmbeddedMongo.onDisk(dataDir, 0, false, Long.MAX_VALUE);
             MongoClient from = MongoClients.create(disk.connectionString());
             EmbeddedMongo other = EmbeddedMongo.inMemory(0);
             MongoClient to = MongoClients.create(other.connectionString())) {
            MongoLedgerEngine source = MongoLedgerEngine.builder().database(from.getDatabase("roundtable"))
                    .eventSerializer(TestEvents.serializer()).build();
            for (int i = 0; i < 30; i++) {
                source.appendEvents(TestEvents.commit(TestEvents.newId(), 0, 1 + i % 3, "kent"));
            }
            new Sealer(from.getDatabase("roundtable")).sealAvailable();

            MongoCopy.copy(from.getDatabase("roundtable"), to.getDatabase("moved"));

            MongoLedgerEngine target = MongoLedgerEngine.builder().database(to.getDatabase("moved"))
                    .eventSerializer(TestEvents.serializer()).build();
            List<String> before = new ArrayList<>();
            List<String> after = new ArrayList<>();
            source.readEvents(null, false).forEach((TrackedEventMessage<?> e) -> before.add(e.getIdentifier()));
            target.readEvents(null, false).forEach((TrackedEventMessage<?> e) -> after.add(e.getIdentifier()));
            assertThat(after).hasSize(60).isEqualTo(before);
            assertThat(new Verifier(to.getDatabase("moved")).verifyAll().ok()).isTrue();
            // appending continues at the next position on the target
            target.appendEvents(TestEvents.commit(TestEvents.newId(), 0, 1, "kent"));
            assertThat(target.lastReservedPosition()).isEqualTo(61L);

            assertThatThrownBy(() -> MongoCopy.copy(from.getDatabase("roundtable"), to.getDatabase("moved")))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
