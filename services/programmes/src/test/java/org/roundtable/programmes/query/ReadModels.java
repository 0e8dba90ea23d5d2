package org.roundtable.programmes.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.time.LocalDate;
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
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.participants.api.ParticipantRegistered;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The programme read models over one embedded MongoDB server reached through the real driver, each
 * test on a fresh database. Events are delivered as the ledger would, with sequence and timestamp.
 */
final class ReadModels implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");

    private static MongoServer server;
    private static MongoClient client;

    final MongoTemplate mongo;
    final ProgrammeCatalogueProjection catalogue;
    final ProgrammeAttendanceProjection attendance;
    final ParticipantFactsProjection facts;
    final QueryGateway queries;
    private final List<AnnotationEventHandlerAdapter> handlers;

    ReadModels(int smallGroupThreshold) {
        synchronized (ReadModels.class) {
            if (server == null) {
                server = new MongoServer(new MemoryBackend());
                client = MongoClients.create(server.bindAndGetConnectionString());
            }
        }
        mongo = new MongoTemplate(client, "programmes-" + UUID.randomUUID());
        catalogue = new ProgrammeCatalogueProjection(mongo);
        attendance = new ProgrammeAttendanceProjection(mongo);
        facts = new ParticipantFactsProjection(mongo);
        handlers = List.of(new AnnotationEventHandlerAdapter(catalogue), new AnnotationEventHandlerAdapter(attendance),
                new AnnotationEventHandlerAdapter(facts));
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(catalogue).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(attendance).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(new ProgrammeReportQueries(mongo, new ReportingProperties(smallGroupThreshold))).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(new ProgrammeCalendarQueries(mongo)).subscribe(bus);
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    /** Delivers one event of an aggregate to every projection that handles it. */
    void publish(String aggregateId, long sequence, Object event) throws Exception {
        GenericDomainEventMessage<?> message = new GenericDomainEventMessage<>("Aggregate", aggregateId, sequence, event,
                Map.of(MetadataKeys.ACTOR_ID, "officer-1", MetadataKeys.TENANT_ID, "kent"), UUID.randomUUID().toString(),
                T0.plusSeconds(3600 * sequence));
        for (AnnotationEventHandlerAdapter handler : handlers) {
            if (handler.canHandle(message)) {
                handler.handle(message);
            }
        }
    }

    void register(String tenant, String id, String town, String reachGroup, int birthYear, String country,
                  String guardianId) throws Exception {
        publish(id, 0, new ParticipantRegistered(id, tenant, "Name of " + id, null, birthYear, null, country, List.of(),
                town, guardianId, reachGroup == null ? Set.of() : Set.of(reachGroup)));
    }

    <R> R query(Object query, Class<R> type) {
        return queries.query(query, type).join();
    }

    <R> Optional<R> optional(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(type)).join();
    }

    <R> List<R> list(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(type)).join();
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Override
    public void close() {
        mongo.getDb().drop();
    }
}
