package org.roundtable.participants.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.participants.api.FindReachGroup;
import org.roundtable.participants.api.FindReachGroups;
import org.roundtable.participants.api.ReachGroupDefined;
import org.roundtable.participants.api.ReachGroupView;
import org.springframework.data.mongodb.core.MongoTemplate;

class ReachGroupCatalogueProjectionTest {

    static MongoServer server;
    static MongoClient client;

    AnnotationEventHandlerAdapter handler;
    QueryGateway queries;
    MongoTemplate mongo;

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
        mongo = new MongoTemplate(client, "catalogue-" + UUID.randomUUID());
        ReachGroupCatalogueProjection projection = new ReachGroupCatalogueProjection(mongo);
        handler = new AnnotationEventHandlerAdapter(projection);
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(projection).subscribe(bus);
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    void define(String tenant, String code, String label) throws Exception {
        String id = tenant + ":" + code;
        handler.handle(new GenericDomainEventMessage<>("ReachGroup", id, 0, new ReachGroupDefined(id, tenant, code, label),
                java.util.Map.of(), UUID.randomUUID().toString(), Instant.parse("2026-01-05T09:00:00Z")));
    }

    List<ReachGroupView> list(String tenant) {
        return queries.query(new FindReachGroups(tenant), ResponseTypes.multipleInstancesOf(ReachGroupView.class)).join();
    }

    @Test
    void should_list_each_tenants_own_reach_groups_by_code() throws Exception {
        define("kent", "wider-community", "Wider community");
        define("kent", "roma-community", "Roma community");
        define("darmstadt", "local", "Local citizens");

        assertThat(list("kent")).containsExactly(new ReachGroupView("roma-community", "Roma community"),
                new ReachGroupView("wider-community", "Wider community"));
        assertThat(list("darmstadt")).containsExactly(new ReachGroupView("local", "Local citizens"));
        Optional<ReachGroupView> crossTenant = queries.query(new FindReachGroup("darmstadt", "roma-community"),
                ResponseTypes.optionalInstanceOf(ReachGroupView.class)).join();
        assertThat(crossTenant).isEmpty();
    }

    @Test
    void should_ignore_a_redelivered_definition_and_empty_itself_on_reset() throws Exception {
        define("kent", "local", "Local");
        define("kent", "local", "Local");
        assertThat(list("kent")).hasSize(1);

        handler.prepareReset();
        assertThat(list("kent")).isEmpty();
    }
}
