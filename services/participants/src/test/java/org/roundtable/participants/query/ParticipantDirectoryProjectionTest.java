package org.roundtable.participants.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.kernel.PersonalData;
import org.roundtable.participants.api.ConsentGiven;
import org.roundtable.participants.api.ConsentInForce;
import org.roundtable.participants.api.ConsentWithdrawn;
import org.roundtable.participants.api.FindParticipant;
import org.roundtable.participants.api.FindParticipantExport;
import org.roundtable.participants.api.FindParticipantVersion;
import org.roundtable.participants.api.FindParticipants;
import org.roundtable.participants.api.ParticipantCorrected;
import org.roundtable.participants.api.ParticipantErased;
import org.roundtable.participants.api.ParticipantExport;
import org.roundtable.participants.api.ParticipantPage;
import org.roundtable.participants.api.ParticipantRegistered;
import org.roundtable.participants.api.ParticipantSummary;
import org.roundtable.participants.api.ParticipantView;
import org.roundtable.participants.api.ReachGroupsDropped;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The directory over the embedded MongoDB server, reached through the real driver. */
class ParticipantDirectoryProjectionTest {

    static final String KENT = "kent";
    static final String DARMSTADT = "darmstadt";
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    static MongoServer server;
    static MongoClient client;

    MongoTemplate mongo;
    ParticipantDirectoryProjection projection;
    AnnotationEventHandlerAdapter handler;
    QueryGateway queries;
    final List<GenericDomainEventMessage<?>> history = new ArrayList<>();

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.shutdown();
    }

    @BeforeEach
    void setUp() {
        mongo = new MongoTemplate(client, "directory-" + UUID.randomUUID());
        projection = new ParticipantDirectoryProjection(mongo);
        handler = new AnnotationEventHandlerAdapter(projection);
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(projection).subscribe(bus);
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    /** Delivers an event as the ledger would: with its sequence number, timestamp and actor. */
    void publish(String participantId, long sequence, Object event) throws Exception {
        GenericDomainEventMessage<?> message = new GenericDomainEventMessage<>("Participant", participantId, sequence,
                event, Map.of(MetadataKeys.ACTOR_ID, "officer-1", MetadataKeys.TENANT_ID, KENT),
                UUID.randomUUID().toString(), T0.plusSeconds(60 * sequence));
        history.add(message);
        handler.handle(message);
    }

    String register(String tenant, String fullName, String town, Set<String> reachGroups) throws Exception {
        String id = UUID.randomUUID().toString();
        publish(id, 0, new ParticipantRegistered(id, tenant, fullName, LocalDate.of(1990, 5, 17), 1990, "female",
                "RO", List.of("ro", "rom"), town, null, reachGroups));
        return id;
    }

    Optional<ParticipantView> find(String tenant, String id) {
        return queries.query(new FindParticipant(tenant, id), ResponseTypes.optionalInstanceOf(ParticipantView.class)).join();
    }

    Optional<ParticipantExport> export(String tenant, String id) {
        return queries.query(new FindParticipantExport(tenant, id),
                ResponseTypes.optionalInstanceOf(ParticipantExport.class)).join();
    }

    ParticipantPage list(String tenant, String name, String town, String reachGroup, int page, int size) {
        return queries.query(new FindParticipants(tenant, name, town, reachGroup, page, size), ParticipantPage.class).join();
    }

    List<Document> storedDocuments() {
        return mongo.getCollection(ParticipantDirectoryProjection.COLLECTION).find().into(new ArrayList<>());
    }

    @Test
    void should_follow_a_participant_through_registration_correction_consent_withdrawal_and_erasure() throws Exception {
        String id = register(KENT, "Maria Dumitru", "Margate", Set.of());
        publish(id, 1, new ConsentGiven(id, "special-category", "self"));
        publish(id, 2, new ParticipantCorrected(id, "Maria Dumitrescu", null, null, null, null, null, null, null,
                Set.of("roma-community"), Set.of("gender"), "spelling"));

        ParticipantView corrected = find(KENT, id).orElseThrow();
        assertThat(corrected.fullName()).isEqualTo("Maria Dumitrescu");
        assertThat(corrected.gender()).isNull();
        assertThat(corrected.birthDate()).isEqualTo(LocalDate.of(1990, 5, 17));
        assertThat(corrected.reachGroups()).containsExactly("roma-community");
        assertThat(corrected.consents()).containsExactly(
                new ConsentInForce("special-category", "self", T0.plusSeconds(60), "officer-1"));
        assertThat(corrected.version()).isEqualTo(2);

        publish(id, 3, new ConsentWithdrawn(id, "special-category"));
        publish(id, 4, new ReachGroupsDropped(id, Set.of("roma-community"), "special-category"));
        ParticipantView withdrawn = find(KENT, id).orElseThrow();
        assertThat(withdrawn.consents()).isEmpty();
        assertThat(withdrawn.reachGroups()).isEmpty();

        publish(id, 5, new ParticipantErased(id, "subject request"));
        ParticipantView erased = find(KENT, id).orElseThrow();
        assertThat(erased.erased()).isTrue();
        assertThat(erased.fullName()).isEqualTo(PersonalData.ERASED);
        assertThat(erased.birthDate()).isNull();
        // what figures need stays
        assertThat(erased.birthYear()).isEqualTo(1990);
        assertThat(erased.town()).isEqualTo("Margate");
        assertThat(erased.countryOfOrigin()).isEqualTo("RO");
        assertThat(erased.version()).isEqualTo(5);
        assertThat(storedDocuments().toString()).doesNotContain("Dumitr").doesNotContain("1990-05-17");

        ParticipantExport export = export(KENT, id).orElseThrow();
        assertThat(export.erased()).isTrue();
        assertThat(export.erasedAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(export.fullName()).isEqualTo(PersonalData.ERASED);
        assertThat(export.consents()).singleElement().satisfies(consent -> {
            assertThat(consent.purpose()).isEqualTo("special-category");
            assertThat(consent.givenAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(consent.withdrawn()).isTrue();
            assertThat(consent.withdrawnAt()).isEqualTo(T0.plusSeconds(180));
            assertThat(consent.withdrawnBy()).isEqualTo("officer-1");
        });
    }

    @Test
    void should_show_personal_fields_the_ledger_can_no_longer_decrypt_as_erased_on_replay() throws Exception {
        String id = UUID.randomUUID().toString();
        // after erasure the ledger hands @PersonalData components back as null
        publish(id, 0, new ParticipantRegistered(id, KENT, null, null, 1990, null, "RO", List.of(), "Dover", null, Set.of()));
        publish(id, 1, new ParticipantCorrected(id, null, null, null, null, null, null, "Folkestone", null, null, Set.of(), null));
        publish(id, 2, new ParticipantErased(id, null));

        ParticipantView view = find(KENT, id).orElseThrow();
        assertThat(view.fullName()).isEqualTo(PersonalData.ERASED);
        assertThat(view.town()).isEqualTo("Folkestone");
        assertThat(list(KENT, null, null, null, 0, 20).total()).isEqualTo(1);
    }

    @Test
    void should_yield_the_same_documents_when_events_are_delivered_twice() throws Exception {
        String id = register(KENT, "Maria Dumitru", "Margate", Set.of());
        publish(id, 1, new ConsentGiven(id, "photos", "self"));
        publish(id, 2, new ParticipantCorrected(id, null, null, null, null, null, null, "Dover", null, null, Set.of(), null));
        List<Document> once = storedDocuments();

        for (GenericDomainEventMessage<?> message : List.copyOf(history)) {
            handler.handle(message);
        }
        assertThat(storedDocuments()).isEqualTo(once);
        assertThat(export(KENT, id).orElseThrow().consents()).hasSize(1);
    }

    @Test
    void should_rebuild_the_same_directory_after_a_reset_and_replay() throws Exception {
        String id = register(KENT, "Maria Dumitru", "Margate", Set.of());
        publish(id, 1, new ConsentGiven(id, "photos", "self"));
        register(DARMSTADT, "Ali Yilmaz", "Darmstadt", Set.of());
        List<Document> live = storedDocuments();

        handler.prepareReset();
        assertThat(storedDocuments()).isEmpty();
        for (GenericDomainEventMessage<?> message : List.copyOf(history)) {
            handler.handle(message);
        }
        assertThat(storedDocuments()).isEqualTo(live);
    }

    @Test
    void should_never_show_one_tenants_participants_to_another() throws Exception {
        String kents = register(KENT, "Maria Dumitru", "Margate", Set.of());
        String darmstadts = register(DARMSTADT, "Maria Schmidt", "Darmstadt", Set.of());

        assertThat(find(DARMSTADT, kents)).isEmpty();
        assertThat(export(DARMSTADT, kents)).isEmpty();
        assertThat(queries.query(new FindParticipantVersion(DARMSTADT, kents), Long.class).join()).isEqualTo(-1L);
        assertThat(list(DARMSTADT, "maria", null, null, 0, 20).items())
                .extracting(ParticipantSummary::id).containsExactly(darmstadts);
        assertThat(list(KENT, null, null, null, 0, 20).items())
                .extracting(ParticipantSummary::id).containsExactly(kents);
    }

    @Test
    void should_search_by_name_ignoring_case_and_filter_by_town_and_reach_group() throws Exception {
        String maria = register(KENT, "Maria Dumitru", "Margate", Set.of("roma-community"));
        String marius = register(KENT, "Marius Horvath", "Dover", Set.of("roma-community"));
        String john = register(KENT, "John Smith", "Dover", Set.of("wider-community"));
        String special = register(KENT, "A.B. (Test) Person", "Dover", Set.of());

        assertThat(list(KENT, "MARI", null, null, 0, 20).items()).extracting(ParticipantSummary::id)
                .containsExactly(maria, marius);
        assertThat(list(KENT, "(test)", null, null, 0, 20).items()).extracting(ParticipantSummary::id)
                .containsExactly(special);
        assertThat(list(KENT, null, "Dover", null, 0, 20).items()).extracting(ParticipantSummary::id)
                .containsExactlyInAnyOrder(marius, john, special);
        assertThat(list(KENT, null, "Dover", "roma-community", 0, 20).items()).extracting(ParticipantSummary::id)
                .containsExactly(marius);
    }

    @Test
    void should_not_find_erased_people_by_the_placeholder_name() throws Exception {
        String id = register(KENT, "Maria Dumitru", "Margate", Set.of());
        publish(id, 1, new ParticipantErased(id, null));

        assertThat(list(KENT, "erased", null, null, 0, 20).items()).isEmpty();
        assertThat(list(KENT, null, "Margate", null, 0, 20).items()).extracting(ParticipantSummary::erased)
                .containsExactly(true);
    }

    @Test
    void should_page_through_participants_in_name_order_with_the_total() throws Exception {
        List<String> names = List.of("Eva", "bogdan", "Cristina", "Anna", "Dan");
        for (String name : names) {
            register(KENT, name, "Folkestone", Set.of());
        }
        ParticipantPage first = list(KENT, null, null, null, 0, 2);
        ParticipantPage third = list(KENT, null, null, null, 2, 2);

        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).extracting(ParticipantSummary::fullName).containsExactly("Anna", "bogdan");
        assertThat(third.items()).extracting(ParticipantSummary::fullName).containsExactly("Eva");
        assertThat(third.page()).isEqualTo(2);
        assertThat(third.size()).isEqualTo(2);
    }

    @Test
    void should_export_household_links_both_ways() throws Exception {
        String parent = register(KENT, "Maria Dumitru", "Margate", Set.of());
        String child = UUID.randomUUID().toString();
        publish(child, 0, new ParticipantRegistered(child, KENT, "Ioana Dumitru", LocalDate.of(2021, 1, 2), 2021, null,
                "RO", List.of("ro"), "Margate", parent, Set.of()));

        assertThat(export(KENT, parent).orElseThrow().household().dependantIds()).containsExactly(child);
        assertThat(export(KENT, child).orElseThrow().household().guardianId()).isEqualTo(parent);
    }

    @Test
    void should_lead_every_index_with_the_tenant() {
        List<Document> indexes = mongo.getCollection(ParticipantDirectoryProjection.COLLECTION).listIndexes()
                .into(new ArrayList<>());
        assertThat(indexes).hasSizeGreaterThan(1);
        indexes.stream()
                .map(index -> index.get("key", Document.class))
                .filter(key -> !key.containsKey("_id") || key.size() > 1)
                .forEach(key -> assertThat(key.keySet().iterator().next()).isEqualTo("tenantId"));
    }
}
