package org.roundtable.ledger.seal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.DataSubject;
import org.roundtable.kernel.PersonalData;
import org.roundtable.ledger.crypto.MasterKey;
import org.roundtable.ledger.crypto.PersonalDataSerializer;
import org.roundtable.ledger.crypto.SubjectKeyStore;
import org.roundtable.ledger.store.LedgerSchema;

class ErasureKeepsTheChainTest {

    record ParticipantRegistered(@DataSubject String participantId, @PersonalData String name, String programme) {
    }

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("roundtable");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void erasingAPersonKeepsTheSealedHistoryVerifiable() {
        SubjectKeyStore keys = new SubjectKeyStore(database, MasterKey.generate());
        PersonalDataSerializer serializer = new PersonalDataSerializer(keys);
        RawLedger ledger = new RawLedger(database);
        for (long position = 1; position <= 3; position++) {
            SerializedObject<String> payload = serializer.serialize(
                    new ParticipantRegistered("p-" + position, "Person " + position, "ESOL"), String.class);
            Document commit = RawLedger.commit(position, 1, "kent");
            commit.getList(LedgerSchema.EVENT_LIST, Document.class).get(0)
                    .append(LedgerSchema.PAYLOAD_TYPE, payload.getType().getName())
                    .append(LedgerSchema.PAYLOAD, payload.getData());
            ledger.reserveThrough(position);
            ledger.events().insertOne(commit);
        }
        ChainHead head = new Sealer(database).sealAvailable();

        keys.erase("p-2");

        VerificationResult result = new Verifier(database).verifyAll();
        assertThat(result.ok()).as(result.detail()).isTrue();
        assertThat(result.chainHead()).isEqualTo(head.chain());
        List<ParticipantRegistered> read = ledger.events().find().map(commit -> {
            Document event = commit.getList(LedgerSchema.EVENT_LIST, Document.class).get(0);
            return (ParticipantRegistered) serializer.deserialize(new SimpleSerializedObject<>(
                    event.getString(LedgerSchema.PAYLOAD), String.class, event.getString(LedgerSchema.PAYLOAD_TYPE), null));
        }).into(new java.util.ArrayList<>());
        assertThat(read).containsExactlyInAnyOrder(
                new ParticipantRegistered("p-1", "Person 1", "ESOL"),
                new ParticipantRegistered("p-2", null, "ESOL"),
                new ParticipantRegistered("p-3", "Person 3", "ESOL"));
    }
}
