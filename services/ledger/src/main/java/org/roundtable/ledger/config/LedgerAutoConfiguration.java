package org.roundtable.ledger.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.axonframework.springboot.autoconfig.InfraConfiguration;
import org.roundtable.ledger.crypto.MasterKey;
import org.roundtable.ledger.crypto.PersonalDataSerializer;
import org.roundtable.ledger.crypto.SubjectKeyStore;
import org.roundtable.ledger.seal.SealSettings;
import org.roundtable.ledger.seal.Sealer;
import org.roundtable.ledger.seal.Verifier;
import org.roundtable.ledger.store.LedgerMessageSource;
import org.roundtable.ledger.store.LedgerSettings;
import org.roundtable.ledger.store.MongoLedgerEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Puts the ledger under Axon: our storage engine instead of axon-mongo's, the personal-data
 * serializer for events, snapshots and everything else Axon stores, and axon-mongo's token store,
 * saga store and dead-letter queue (wired by hand: its Spring Boot starter stops at 4.10).
 */
@AutoConfiguration(after = {MongoAutoConfiguration.class, EmbeddedMongoAutoConfiguration.class},
        before = {AxonAutoConfiguration.class, EventProcessingAutoConfiguration.class, InfraConfiguration.class})
@EnableConfigurationProperties(LedgerProperties.class)
public class LedgerAutoConfiguration {

    @Bean
    MongoDatabase ledgerDatabase(MongoClient client,
                                 @Value("${spring.data.mongodb.database:roundtable}") String database) {
        return client.getDatabase(database);
    }

    @Bean
    MasterKey ledgerMasterKey(LedgerProperties properties, @Value("${roundtable.data-dir:./data}") String dataDir) {
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            return MasterKey.fromBase64(properties.masterKey());
        }
        return MasterKey.loadOrCreate(Path.of(dataDir).resolve("master.key"));
    }

    @Bean
    SubjectKeyStore subjectKeyStore(MongoDatabase ledgerDatabase, MasterKey masterKey) {
        return new SubjectKeyStore(ledgerDatabase, masterKey);
    }

    /**
     * Everything else Axon stores (snapshots of aggregate state, sagas, tokens, dead letters) goes through
     * the same allow-listed, encrypting serializer, reading private fields so aggregates and sagas need no
     * accessors written for the serializer's sake.
     */
    @Bean
    @Primary
    PersonalDataSerializer serializer(SubjectKeyStore keys) {
        ObjectMapper mapper = PersonalDataSerializer.defaultObjectMapper()
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);
        return new PersonalDataSerializer(keys, mapper, PersonalDataSerializer.DEFAULT_ALLOWED_PREFIXES);
    }

    /** Events: records serialized by their components, personal data encrypted per data subject. */
    @Bean
    @Qualifier("eventSerializer")
    PersonalDataSerializer eventSerializer(SubjectKeyStore keys) {
        return new PersonalDataSerializer(keys);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(@Qualifier("eventSerializer") PersonalDataSerializer eventSerializer) {
        return eventSerializer;
    }

    @Bean
    EventStorageEngine eventStorageEngine(MongoDatabase ledgerDatabase,
                                          @Qualifier("eventSerializer") PersonalDataSerializer eventSerializer,
                                          PersonalDataSerializer serializer,
                                          LedgerProperties properties,
                                          org.axonframework.config.Configuration configuration) {
        LedgerSettings settings = LedgerSettings.defaults()
                .withGapTimeout(properties.gapTimeout(), properties.maxCommitDelay())
                .withMaxEventBytes(properties.maxEventBytes());
        return MongoLedgerEngine.builder()
                .database(ledgerDatabase)
                .settings(settings)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .batchSize(properties.batchSize())
                .build();
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoDatabase ledgerDatabase) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(ledgerDatabase)
                .trackingTokensCollectionName("axon_tokens")
                .sagasCollectionName("axon_sagas")
                .deadLetterCollectionName("axon_dead_letters")
                .build();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, PersonalDataSerializer serializer,
                          LedgerProperties properties) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .claimTimeout(properties.claimTimeout())
                .ensureIndexes(true)
                .build();
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, PersonalDataSerializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }

    /**
     * Pooled streaming processors everywhere, reading the ledger through {@link LedgerMessageSource} (whose
     * streams call back when events arrive, so a caught-up processor does not sit out Axon's 500 ms re-check),
     * in batches of {@code processor-batch-size} over {@code processor-segments} segments, and a dead-letter
     * queue per processing group: nothing is skipped. A processor's own configuration is applied after these
     * defaults, so one that must read another source sets it there.
     */
    @Bean
    ConfigurerModule ledgerProcessingDefaults(MongoTemplate axonMongoTemplate, PersonalDataSerializer serializer,
                                              ObjectProvider<EventStorageEngine> eventStorageEngine,
                                              LedgerProperties properties) {
        SharedSource source = new SharedSource(eventStorageEngine);
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors((configuration, builder) -> {
                    LedgerMessageSource ledger = source.get();
                    if (ledger != null) {
                        builder.messageSource(ledger);
                    }
                    return builder.batchSize(properties.processorBatchSize())
                            .initialSegmentCount(properties.processorSegments());
                })
                .registerDeadLetterQueueProvider(processingGroup -> configuration ->
                        MongoSequencedDeadLetterQueue.builder()
                                .processingGroup(processingGroup)
                                .mongoTemplate(axonMongoTemplate)
                                .serializer(serializer)
                                .transactionManager(configuration.getComponent(
                                        org.axonframework.common.transaction.TransactionManager.class,
                                        org.axonframework.common.transaction.NoTransactionManager::instance))
                                .build());
    }

    @Bean
    Verifier ledgerVerifier(MongoDatabase ledgerDatabase, LedgerProperties properties) {
        return new Verifier(ledgerDatabase, sealSettings(properties));
    }

    @Bean
    Sealer ledgerSealer(MongoDatabase ledgerDatabase, LedgerProperties properties, EventStorageEngine engine) {
        Sealer sealer = new Sealer(ledgerDatabase, sealSettings(properties));
        if (engine instanceof MongoLedgerEngine ledger) {
            ledger.onAppend(position -> sealer.wake());
        }
        return sealer;
    }

    @Bean
    SmartLifecycle ledgerSealerLifecycle(Sealer ledgerSealer, LedgerProperties properties) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (properties.sealer()) {
                    ledgerSealer.start();
                }
                running = true;
            }

            @Override
            public void stop() {
                ledgerSealer.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    /**
     * One message source for every processor, made when the first processor is built: the engine needs Axon's
     * configuration, which needs the processing defaults, so it cannot be injected into them directly.
     */
    private static final class SharedSource {
        private final ObjectProvider<EventStorageEngine> engine;
        private LedgerMessageSource source;
        private boolean resolved;

        SharedSource(ObjectProvider<EventStorageEngine> engine) {
            this.engine = engine;
        }

        /** The ledger's source, or null when the application replaced the engine (its event store then serves). */
        synchronized LedgerMessageSource get() {
            if (!resolved) {
                resolved = true;
                if (engine.getObject() instanceof MongoLedgerEngine ledger) {
                    source = new LedgerMessageSource(ledger);
                }
            }
            return source;
        }
    }

    private static SealSettings sealSettings(LedgerProperties properties) {
        // the sealer waits longer for a gap than any writer may take, so it never seals a commit's place as empty
        Duration gapTimeout = properties.gapTimeout().plus(properties.maxCommitDelay());
        return SealSettings.defaults().withGapTimeout(gapTimeout);
    }
}
