package org.roundtable.ledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.DataSubject;
import org.roundtable.kernel.PersonalData;

class PersonalDataSerializerTest {

    record Address(@PersonalData String street, String town) {
    }

    record ParticipantRegistered(@DataSubject UUID participantId, String programme, @PersonalData String name,
                                 @PersonalData LocalDate birthDate, @PersonalData List<String> languages,
                                 int householdSize, Instant registeredAt, List<Address> addresses,
                                 @PersonalData String notes) {
    }

    record SessionHeld(String sessionId, int headcount, LocalDate on) {
    }

    record NoSubject(String id, @PersonalData String name) {
    }

    record TwoSubjects(@DataSubject String a, @DataSubject String b, @PersonalData String name) {
    }

    static final AtomicBoolean EVIL_TOUCHED = new AtomicBoolean();

    /** Stands for any class outside the allow-list; it reports being loaded or built. */
    static class Evil {
        static {
            EVIL_TOUCHED.set(true);
        }

        public Evil() {
            EVIL_TOUCHED.set(true);
        }

        public void setCommand(String command) {
            EVIL_TOUCHED.set(true);
        }
    }

    private static final UUID ANNA = UUID.fromString("6d3c3b1e-2a59-4f64-9b0e-6f1f3b2d7a10");
    private static final List<String> PLAINTEXT = List.of("Anna Novak", "1987-03-14", "Romani", "Slovak",
            "12 Harbour Street", "needs a Romani interpreter");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private SubjectKeyStore keys;
    private PersonalDataSerializer serializer;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("roundtable");
        keys = new SubjectKeyStore(database, MasterKey.generate());
        serializer = new PersonalDataSerializer(keys);
        EVIL_TOUCHED.set(false);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private static ParticipantRegistered anna() {
        return new ParticipantRegistered(ANNA, "together-time", "Anna Novak", LocalDate.of(1987, 3, 14),
                List.of("Romani", "Slovak"), 4, Instant.parse("2026-01-05T10:15:30Z"),
                List.of(new Address("12 Harbour Street", "Folkestone")), "needs a Romani interpreter");
    }

    @Test
    void roundTripsAnEventWithPersonalDataInEveryRepresentation() {
        ParticipantRegistered event = anna();

        for (Class<?> representation : List.of(String.class, byte[].class, JsonNode.class)) {
            SerializedObject<?> serialized = serializer.serialize(event, representation);
            ParticipantRegistered back = serializer.deserialize(serialized);
            assertThat(back).as(representation.getSimpleName()).isEqualTo(event);
        }
    }

    @Test
    void storesNoPlaintextOfPersonalDataButKeepsOtherFieldsReadable() {
        String json = serializer.serialize(anna(), String.class).getData();

        assertThat(json).doesNotContain(PLAINTEXT);
        assertThat(json).contains("together-time", "Folkestone", "\"householdSize\":4", "\"registeredAt\":\"2026-01-05T10:15:30Z\"",
                "\"$pii\":\"v1\"", ANNA.toString());
    }

    @Test
    void serializesEventsWithoutPersonalDataExactlyLikePlainJackson() throws Exception {
        SessionHeld event = new SessionHeld("s-1", 12, LocalDate.of(2026, 2, 3));

        SerializedObject<String> serialized = serializer.serialize(event, String.class);

        assertThat(serialized.getData()).isEqualTo("{\"sessionId\":\"s-1\",\"headcount\":12,\"on\":\"2026-02-03\"}");
        assertThat(serialized.getType().getName()).isEqualTo(SessionHeld.class.getName());
        assertThat((SessionHeld) serializer.deserialize(serialized)).isEqualTo(event);
        assertThat(serializer.getObjectMapper().readTree(serialized.getData()).has("$pii")).isFalse();
    }

    @Test
    void readsErasedPersonalDataAsNullAndKeepsEverythingElse() {
        SerializedObject<String> serialized = serializer.serialize(anna(), String.class);

        keys.erase(ANNA.toString());
        ParticipantRegistered back = serializer.deserialize(serialized);

        assertThat(back.name()).isNull();
        assertThat(back.birthDate()).isNull();
        assertThat(back.languages()).isNull();
        assertThat(back.notes()).isNull();
        assertThat(back.addresses()).containsExactly(new Address(null, "Folkestone"));
        assertThat(back.participantId()).isEqualTo(ANNA);
        assertThat(back.programme()).isEqualTo("together-time");
        assertThat(back.householdSize()).isEqualTo(4);
        assertThat(back.registeredAt()).isEqualTo(Instant.parse("2026-01-05T10:15:30Z"));
    }

    @Test
    void refusesToStorePersonalDataOfAnErasedSubject() {
        keys.erase(ANNA.toString());

        assertThatThrownBy(() -> serializer.serialize(anna(), String.class))
                .isInstanceOf(SubjectErasedException.class)
                .hasMessageNotContainingAny(PLAINTEXT.toArray(String[]::new));
    }

    @Test
    void skipsNullPersonalDataValues() {
        ParticipantRegistered sparse = new ParticipantRegistered(ANNA, "together-time", "Anna Novak", null, null, 1, null, null, null);

        String json = serializer.serialize(sparse, String.class).getData();

        assertThat(json).contains("\"birthDate\":null", "\"notes\":null").doesNotContain("Anna Novak");
        assertThat((ParticipantRegistered) serializer.deserialize(serializer.serialize(sparse, String.class))).isEqualTo(sparse);
    }

    @Test
    void demandsExactlyOneDataSubjectForPersonalData() {
        assertThatThrownBy(() -> serializer.serialize(new NoSubject("x", "Anna Novak"), String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@DataSubject").hasMessageContaining(NoSubject.class.getName())
                .hasMessageNotContaining("Anna Novak");
        assertThatThrownBy(() -> serializer.serialize(new TwoSubjects("a", "b", "Anna Novak"), String.class))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> serializer.serialize(
                new ParticipantRegistered(null, "p", "Anna Novak", null, null, 1, null, null, null), String.class))
                .hasMessageContaining("participantId").hasMessageNotContaining("Anna Novak");
    }

    @Test
    void neverLoadsOrBuildsAClassOutsideTheAllowList() {
        PersonalDataSerializer strict = new PersonalDataSerializer(keys, List.of("org.axonframework.", "java."));
        String evilName = Evil.class.getName();

        Object result = strict.deserialize(new SimpleSerializedObject<>("{\"command\":\"rm -rf /\"}", String.class, evilName, null));

        assertThat(result).isInstanceOf(UnknownSerializedType.class);
        assertThat(((UnknownSerializedType) result).serializedType().getName()).isEqualTo(evilName);
        assertThat(strict.classForType(new SimpleSerializedType(evilName, null))).isEqualTo(UnknownSerializedType.class);
        assertThat(EVIL_TOUCHED).as("Evil was loaded or instantiated").isFalse();
    }

    @Test
    void treatsUnknownAndDangerousTypesAsUnknown() {
        for (String type : List.of("com.example.Evil", "java.lang.ProcessBuilder", "java.lang.Runtime",
                "java.net.URL", "java.io.File", "javax.script.ScriptEngineManager", "[Ljava.lang.String;")) {
            Object result = serializer.deserialize(new SimpleSerializedObject<>("{\"command\":[\"id\"]}", String.class, type, null));
            assertThat(result).as(type).isInstanceOf(UnknownSerializedType.class);
        }
    }

    @Test
    void stillResolvesAllowedJdkValueTypes() {
        SerializedObject<String> serialized = serializer.serialize("plain text", String.class);

        assertThat(serialized.getType().getName()).isEqualTo("java.lang.String");
        assertThat((String) serializer.deserialize(serialized)).isEqualTo("plain text");
        assertThat(serializer.classForType(new SimpleSerializedType("java.util.ArrayList", null))).isEqualTo(java.util.ArrayList.class);
    }

    @Test
    void roundTripsMetaData() {
        MetaData metaData = MetaData.with("tenantId", "kent").and("actorId", "officer-1").and("correlationId", "c-1");

        SerializedObject<String> serialized = serializer.serialize(metaData, String.class);
        MetaData back = serializer.deserialize(serialized);

        assertThat(back).isEqualTo(metaData);
    }

    @Test
    void deserializesJsonNodesHandedOverByUpcastersEvenWhenTheyMovedEncryptedValues() throws Exception {
        ObjectMapper mapper = serializer.getObjectMapper();
        String stored = serializer.serialize(anna(), String.class).getData();
        // revision 0 called the name "fullName"; an upcaster renames it without being able to read it
        ObjectNode revision0 = (ObjectNode) mapper.readTree(stored);
        revision0.set("fullName", revision0.remove("name"));

        ObjectNode upcast = revision0.deepCopy();
        upcast.set("name", upcast.remove("fullName"));
        ParticipantRegistered back = serializer.deserialize(new SimpleSerializedObject<>(upcast, JsonNode.class,
                ParticipantRegistered.class.getName(), null));

        assertThat(back).isEqualTo(anna());
        assertThat(upcast.get("name").has("$pii")).as("the upcaster's tree is left as it was").isTrue();
    }

    @Test
    void revealsPersonalDataOnlyToThoseAllowedAndShowsErasureToEveryone() {
        JsonNode stored = serializer.serialize(anna(), JsonNode.class).getData();

        JsonNode shown = serializer.reveal(stored, true);
        JsonNode hidden = serializer.reveal(stored, false);
        keys.erase(ANNA.toString());
        JsonNode erased = serializer.reveal(stored, true);

        assertThat(shown.get("name").asText()).isEqualTo("Anna Novak");
        assertThat(shown.get("birthDate").asText()).isEqualTo("1987-03-14");
        assertThat(shown.get("addresses").get(0).get("street").asText()).isEqualTo("12 Harbour Street");
        assertThat(hidden.get("name").asText()).isEqualTo(PersonalDataSerializer.HIDDEN);
        assertThat(hidden.get("languages").asText()).isEqualTo(PersonalDataSerializer.HIDDEN);
        assertThat(hidden.toString()).doesNotContain(PLAINTEXT);
        assertThat(erased.get("name").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(erased.get("addresses").get(0).get("town").asText()).isEqualTo("Folkestone");
        assertThat(PersonalDataSerializer.containsPersonalData(stored)).isTrue();
        assertThat(PersonalDataSerializer.containsPersonalData(shown)).isFalse();
    }

    @Test
    void rejectsATamperedCiphertextWithoutRevealingIt() throws Exception {
        ObjectNode stored = (ObjectNode) serializer.getObjectMapper().readTree(serializer.serialize(anna(), String.class).getData());
        ObjectNode marker = (ObjectNode) stored.get("name");
        byte[] ciphertext = java.util.Base64.getDecoder().decode(marker.get("c").asText());
        ciphertext[ciphertext.length - 1] ^= 1;
        marker.put("c", java.util.Base64.getEncoder().encodeToString(ciphertext));

        assertThatThrownBy(() -> serializer.deserialize(new SimpleSerializedObject<>(stored, JsonNode.class,
                ParticipantRegistered.class.getName(), null)))
                .isInstanceOf(LedgerCryptoException.class)
                .hasMessageNotContainingAny(PLAINTEXT.toArray(String[]::new));
    }

    @Test
    void leavesNoPlaintextAnywhereInTheDatabaseAfterErasure() {
        // stand-in for the storage engine: the serialized forms as a commit document would hold them
        SerializedObject<String> payload = serializer.serialize(anna(), String.class);
        SerializedObject<String> meta = serializer.serialize(MetaData.with("tenantId", "kent"), String.class);
        database.getCollection("ledger_events").insertOne(new Document("_id", 1L).append("events",
                List.of(new Document(Map.of("p", 1L, "type", payload.getType().getName(), "payload", payload.getData(),
                        "meta", meta.getData())))));
        PlaintextScanner scanner = new PlaintextScanner(client);
        assertThat(scanner.findAll(PLAINTEXT)).isEmpty();

        keys.erase(ANNA.toString());

        assertThat(scanner.findAll(PLAINTEXT)).isEmpty();
        ParticipantRegistered afterErasure = serializer.deserialize(payload);
        assertThat(afterErasure.name()).isNull();
    }

    @Test
    void plaintextScannerFindsPlaintextInDocumentsAndBinaries() {
        database.getCollection("scratch").insertOne(new Document("_id", "x").append("nested", new Document("v", "Anna Novak")));
        client.getDatabase("other").getCollection("blobs").insertOne(new Document("_id", "y")
                .append("data", new org.bson.types.Binary("12 Harbour Street".getBytes(java.nio.charset.StandardCharsets.UTF_8))));

        assertThat(new PlaintextScanner(client).findAll(PLAINTEXT))
                .containsExactlyInAnyOrder("roundtable.scratch/x: Anna Novak", "other.blobs/y: 12 Harbour Street");
    }
}
