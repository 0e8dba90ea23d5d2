package org.roundtable.partnerships.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.roundtable.partnerships.api.AssociationDevelopment;
import org.roundtable.partnerships.api.AssociationMilestoneReached;
import org.roundtable.partnerships.api.AssociationSupportRecorded;
import org.roundtable.partnerships.api.FindAssociationDevelopment;
import org.roundtable.partnerships.api.FindOrganisation;
import org.roundtable.partnerships.api.FindOrganisationVersion;
import org.roundtable.partnerships.api.FindOrganisations;
import org.roundtable.partnerships.api.Milestone;
import org.roundtable.partnerships.api.OrganisationArchived;
import org.roundtable.partnerships.api.OrganisationKind;
import org.roundtable.partnerships.api.OrganisationPage;
import org.roundtable.partnerships.api.OrganisationRegistered;
import org.roundtable.partnerships.api.OrganisationStatus;
import org.roundtable.partnerships.api.OrganisationUpdated;
import org.roundtable.partnerships.api.OrganisationView;
import org.roundtable.partnerships.api.SupportKind;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The organisation registry over the embedded MongoDB server, reached through the real driver. */
class OrganisationRegistryProjectionTest {

    static final String KREFELD = "krefeld";
    static final String KENT = "kent";
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    static MongoServer server;
    static MongoClient client;

    MongoTemplate mongo;
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
        mongo = new MongoTemplate(client, "organisations-" + UUID.randomUUID());
        OrganisationRegistryProjection projection = new OrganisationRegistryProjection(mongo);
        handler = new AnnotationEventHandlerAdapter(projection);
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(projection).subscribe(bus);
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    /** Delivers an event as the ledger would: with its sequence number, timestamp, tenant and actor. */
    void publish(String tenant, String organisationId, long sequence, Object event) throws Exception {
        GenericDomainEventMessage<?> message = new GenericDomainEventMessage<>("Organisation", organisationId, sequence,
                event, Map.of(MetadataKeys.ACTOR_ID, "admin-1", MetadataKeys.TENANT_ID, tenant),
                UUID.randomUUID().toString(), T0.plusSeconds(60 * sequence));
        history.add(message);
        handler.handle(message);
    }

    String register(String tenant, String name, OrganisationKind kind) throws Exception {
        String id = UUID.randomUUID().toString();
        publish(tenant, id, 0, new OrganisationRegistered(id, tenant, name, kind, "Krefeld", "chairperson"));
        return id;
    }

    Optional<OrganisationView> find(String tenant, String id) {
        return queries.query(new FindOrganisation(tenant, id), ResponseTypes.optionalInstanceOf(OrganisationView.class)).join();
    }

    Optional<AssociationDevelopment> development(String tenant, String id) {
        return queries.query(new FindAssociationDevelopment(tenant, id),
                ResponseTypes.optionalInstanceOf(AssociationDevelopment.class)).join();
    }

    OrganisationPage list(String tenant, OrganisationKind kind, OrganisationStatus status, int page, int size) {
        return queries.query(new FindOrganisations(tenant, kind, status, page, size), OrganisationPage.class).join();
    }

    List<Document> stored() {
        return mongo.getCollection(OrganisationRegistryProjection.COLLECTION).find().into(new ArrayList<>());
    }

    @Test
    void should_follow_an_organisation_through_registration_update_and_archiving_and_keep_it() throws Exception {
        String id = register(KREFELD, "Grundschule am Park", OrganisationKind.PRIMARY_SCHOOL);
        publish(KREFELD, id, 1, new OrganisationUpdated(id, "Grundschule am Stadtpark", OrganisationKind.PRIMARY_SCHOOL,
                "Krefeld-Süd", "head teacher"));
        publish(KREFELD, id, 2, new OrganisationArchived(id, "school merged"));

        OrganisationView view = find(KREFELD, id).orElseThrow();
        assertThat(view.name()).isEqualTo("Grundschule am Stadtpark");
        assertThat(view.town()).isEqualTo("Krefeld-Süd");
        assertThat(view.roleContact()).isEqualTo("head teacher");
        assertThat(view.status()).isEqualTo(OrganisationStatus.ARCHIVED);
        assertThat(view.archivedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(view.archiveReason()).isEqualTo("school merged");
        assertThat(view.registeredAt()).isEqualTo(T0);
        assertThat(view.version()).isEqualTo(2);
        assertThat(queries.query(new FindOrganisationVersion(KREFELD, id), Long.class).join()).isEqualTo(2L);
    }

    @Test
    void should_not_show_an_organisation_to_another_tenant() throws Exception {
        String id = register(KREFELD, "Polizeipräsidium Krefeld", OrganisationKind.POLICE);
        register(KENT, "Kent Fire and Rescue", OrganisationKind.FIRE_AND_RESCUE);

        assertThat(find(KENT, id)).isEmpty();
        assertThat(development(KENT, id)).isEmpty();
        assertThat(queries.query(new FindOrganisationVersion(KENT, id), Long.class).join()).isEqualTo(-1L);
        assertThat(list(KENT, null, null, 0, 20).items()).extracting(OrganisationView::name)
                .containsExactly("Kent Fire and Rescue");
    }

    @Test
    void should_list_by_name_and_filter_by_kind_and_status_a_page_at_a_time() throws Exception {
        register(KREFELD, "verbraucherzentrale", OrganisationKind.CONSUMER_ADVICE);
        String archived = register(KREFELD, "Agentur für Arbeit", OrganisationKind.JOB_CENTRE);
        publish(KREFELD, archived, 1, new OrganisationArchived(archived, null));
        register(KREFELD, "Bürgerverein Stadtmitte", OrganisationKind.CITIZENS_ASSOCIATION);
        register(KREFELD, "Caritas", OrganisationKind.CHARITY);

        OrganisationPage first = list(KREFELD, null, null, 0, 2);
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.items()).extracting(OrganisationView::name)
                .containsExactly("Agentur für Arbeit", "Bürgerverein Stadtmitte");
        assertThat(list(KREFELD, null, null, 1, 2).items()).extracting(OrganisationView::name)
                .containsExactly("Caritas", "verbraucherzentrale");
        assertThat(list(KREFELD, null, OrganisationStatus.ACTIVE, 0, 20).total()).isEqualTo(3);
        assertThat(list(KREFELD, OrganisationKind.JOB_CENTRE, OrganisationStatus.ARCHIVED, 0, 20).items())
                .extracting(OrganisationView::id).containsExactly(archived);
    }

    @Test
    void should_show_an_associations_development_in_date_order_with_milestones_and_funding_totals() throws Exception {
        String id = register(KREFELD, "Roma Kulturverein", OrganisationKind.MIGRANT_ASSOCIATION);
        publish(KREFELD, id, 1, new AssociationSupportRecorded(id, "s-1", SupportKind.FUNDING, LocalDate.of(2025, 6, 1),
                new BigDecimal("1500.00"), "EUR", "International Roma Day"));
        publish(KREFELD, id, 2, new AssociationMilestoneReached(id, "m-1", Milestone.STATUTES_ADOPTED,
                LocalDate.of(2025, 3, 12), "statutes registered"));
        publish(KREFELD, id, 3, new AssociationSupportRecorded(id, "s-2", SupportKind.WORKSHOP, LocalDate.of(2025, 9, 20),
                null, null, "public relations workshop"));
        publish(KREFELD, id, 4, new AssociationSupportRecorded(id, "s-3", SupportKind.FUNDING, LocalDate.of(2025, 11, 2),
                new BigDecimal("250.50"), "EUR", "exhibition"));
        publish(KREFELD, id, 5, new AssociationMilestoneReached(id, "m-2", Milestone.FIRST_OWN_EVENT,
                LocalDate.of(2025, 10, 1), "flyer and photos of the event"));

        AssociationDevelopment development = development(KREFELD, id).orElseThrow();
        assertThat(development.timeline()).extracting(AssociationDevelopment.Entry::id)
                .containsExactly("m-1", "s-1", "s-2", "m-2", "s-3");
        assertThat(development.timeline().get(1)).isEqualTo(new AssociationDevelopment.Entry("s-1",
                LocalDate.of(2025, 6, 1), "support", "funding", new BigDecimal("1500.00"), "EUR",
                "International Roma Day", T0.plusSeconds(60), "admin-1"));
        assertThat(development.milestonesReached()).containsExactly(
                new AssociationDevelopment.Reached(Milestone.STATUTES_ADOPTED, LocalDate.of(2025, 3, 12), "statutes registered"),
                new AssociationDevelopment.Reached(Milestone.FIRST_OWN_EVENT, LocalDate.of(2025, 10, 1),
                        "flyer and photos of the event"));
        assertThat(development.fundingTotals()).containsExactly(
                new AssociationDevelopment.Funding("EUR", new BigDecimal("1750.50")));
        assertThat(development.version()).isEqualTo(5);
    }

    @Test
    void should_apply_a_redelivered_or_stale_event_only_once() throws Exception {
        String id = register(KREFELD, "Roma Kulturverein", OrganisationKind.MIGRANT_ASSOCIATION);
        publish(KREFELD, id, 1, new AssociationSupportRecorded(id, "s-1", SupportKind.ADVICE, LocalDate.of(2025, 6, 1),
                null, null, "advice on statutes"));
        handler.handle(history.get(1));
        handler.handle(history.get(0));
        publish(KREFELD, id, 1, new OrganisationUpdated(id, "Stale name", OrganisationKind.CHARITY, null, null));

        assertThat(development(KREFELD, id).orElseThrow().timeline()).hasSize(1);
        assertThat(find(KREFELD, id).orElseThrow().name()).isEqualTo("Roma Kulturverein");
        assertThat(stored()).hasSize(1);
    }

    @Test
    void should_rebuild_the_same_registry_after_a_reset_and_replay() throws Exception {
        String id = register(KREFELD, "Roma Kulturverein", OrganisationKind.MIGRANT_ASSOCIATION);
        publish(KREFELD, id, 1, new AssociationMilestoneReached(id, "m-1", Milestone.BOARD_TRAINED,
                LocalDate.of(2025, 3, 12), "certificate"));
        publish(KREFELD, id, 2, new OrganisationArchived(id, "dissolved"));
        register(KENT, "Age UK", OrganisationKind.CHARITY);
        List<Document> before = stored();

        handler.prepareReset();
        assertThat(stored()).isEmpty();
        for (GenericDomainEventMessage<?> message : history) {
            handler.handle(message);
        }

        assertThat(stored()).containsExactlyInAnyOrderElementsOf(before);
    }
}
