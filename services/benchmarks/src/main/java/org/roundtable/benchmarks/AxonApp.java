package org.roundtable.benchmarks;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.bson.Document;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.ledger.crypto.MasterKey;
import org.roundtable.ledger.crypto.PersonalDataSerializer;
import org.roundtable.ledger.crypto.SubjectKeyStore;
import org.roundtable.ledger.store.LedgerMessageSource;
import org.roundtable.ledger.store.MongoLedgerEngine;

/**
 * Axon wired as {@code LedgerAutoConfiguration} wires it, without Spring: our engine under an embedded
 * event store, the personal-data serializer, axon-mongo's token store, pooled streaming processors reading
 * through {@code LedgerMessageSource}.
 */
final class AxonApp implements AutoCloseable {

    static final String PROCESSOR = "notes";

    final Configuration config;
    final MongoLedgerEngine engine;
    final NotesProjection projection;
    private final LedgerMessageSource source;

    private AxonApp(Configuration config, MongoLedgerEngine engine, NotesProjection projection,
                    LedgerMessageSource source) {
        this.config = config;
        this.engine = engine;
        this.projection = projection;
        this.source = source;
    }

    /**
     * @param projection    null for an application without processors (append and load measurements)
     * @param psepBatchSize events per work-package transaction
     * @param segments      initial segment count of the processor
     */
    static AxonApp start(MongoDatabase database, MasterKey masterKey, NotesProjection projection,
                         int psepBatchSize, int segments) {
        return start(database, masterKey, projection, psepBatchSize, segments, false, false);
    }

    /**
     * @param aggregateCache whether loaded aggregates are kept in Axon's WeakReferenceCache between commands
     * @param trackingProcessor a TrackingEventProcessor (one thread, blocking on the store) instead of the pooled one
     */
    static AxonApp start(MongoDatabase database, MasterKey masterKey, NotesProjection projection,
                         int psepBatchSize, int segments, boolean aggregateCache, boolean trackingProcessor) {
        SubjectKeyStore keys = new SubjectKeyStore(database, masterKey);
        PersonalDataSerializer eventSerializer = new PersonalDataSerializer(keys);
        PersonalDataSerializer general = generalSerializer(keys);
        MongoLedgerEngine engine = MongoLedgerEngine.builder()
                .database(database)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(general)
                .batchSize(LedgerBenchmark.ENGINE_BATCH)
                .build();
        MongoTemplate template = DefaultMongoTemplate.builder()
                .mongoDatabase(database)
                .trackingTokensCollectionName("axon_tokens")
                .sagasCollectionName("axon_sagas")
                .deadLetterCollectionName("axon_dead_letters")
                .build();
        TokenStore tokenStore = MongoTokenStore.builder()
                .mongoTemplate(template)
                .serializer(general)
                .claimTimeout(Duration.ofSeconds(10))
                .ensureIndexes(true)
                .build();

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> general)
                .configureEventSerializer(c -> eventSerializer)
                .configureMessageSerializer(c -> eventSerializer)
                .configureEmbeddedEventStore(c -> engine)
                .configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider(MetadataKeys.TENANT_ID, MetadataKeys.ACTOR_ID,
                                MetadataKeys.ACTOR_ROLE)))
                .configureAggregate(aggregateCache
                        ? AggregateConfigurer.defaultConfiguration(Notes.Person.class).configureCache(c -> new WeakReferenceCache())
                        : AggregateConfigurer.defaultConfiguration(Notes.Person.class))
                .registerComponent(TokenStore.class, c -> tokenStore);
        // as LedgerAutoConfiguration: every pooled processor reads through the ledger's own message source
        LedgerMessageSource source = new LedgerMessageSource(engine);
        configurer.eventProcessing()
                .usingPooledStreamingEventProcessors((c, builder) -> builder.messageSource(source))
                .registerTokenStore(c -> tokenStore);
        if (projection != null) {
            configurer.eventProcessing().registerEventHandler(c -> projection);
            if (trackingProcessor) {
                configurer.eventProcessing().registerTrackingEventProcessor(PROCESSOR, Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(psepBatchSize));
            } else {
                configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(PROCESSOR,
                        (c, builder) -> builder.batchSize(psepBatchSize).initialSegmentCount(segments));
            }
        }
        Configuration config = configurer.start();
        return new AxonApp(config, engine, projection, source);
    }

    /** The serializer LedgerAutoConfiguration uses for snapshots and tokens: reads private fields. */
    static PersonalDataSerializer generalSerializer(SubjectKeyStore keys) {
        return new PersonalDataSerializer(keys, PersonalDataSerializer.defaultObjectMapper()
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE),
                PersonalDataSerializer.DEFAULT_ALLOWED_PREFIXES);
    }

    StreamingEventProcessor processor() {
        return config.eventProcessingConfiguration()
                .eventProcessor(PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
    }

    @Override
    public void close() {
        config.shutdown();
        source.close();
    }

    /** A Mongo read model with one document per event; also notes when each ticket was handled. */
    @ProcessingGroup(PROCESSOR)
    static final class NotesProjection {
        final MongoCollection<Document> notes;
        final AtomicLong handled = new AtomicLong();
        /** nanoTime at which the event of each ticket was first handled (0 = not yet). */
        final long[] handledAt;

        NotesProjection(MongoDatabase database, int tickets) {
            this.notes = database.getCollection("read_notes");
            this.handledAt = new long[tickets];
        }

        @EventHandler
        void on(Notes.Noted event, @SequenceNumber long sequence) {
            notes.replaceOne(Filters.eq("_id", event.personId() + "/" + sequence),
                    readModel(event.personId(), event.count(), event.text(), event.ticket()),
                    new ReplaceOptions().upsert(true));
            long ticket = event.ticket();
            if (ticket > 0 && ticket < handledAt.length && handledAt[(int) ticket] == 0) {
                handledAt[(int) ticket] = System.nanoTime();
            }
            handled.incrementAndGet();
        }

        @ResetHandler
        void reset() {
            notes.drop();
            handled.set(0);
        }
    }

    static Document readModel(String personId, long count, String text, long ticket) {
        return new Document("_id", personId + "/" + (count - 1))
                .append("personId", personId)
                .append("count", count)
                .append("text", text)
                .append("ticket", ticket);
    }
}
