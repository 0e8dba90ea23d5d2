package org.roundtable.audit.web;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.roundtable.audit.digest.DigestService;
import org.roundtable.audit.digest.SigningKey;
import org.roundtable.audit.export.LedgerExporter;
import org.roundtable.audit.export.LedgerImporter;
import org.roundtable.audit.export.TransferImport;
import org.roundtable.audit.query.AuditHistory;
import org.roundtable.audit.query.AuditVerification;
import org.roundtable.audit.replay.Replays;
import org.roundtable.ledger.crypto.PersonalDataSerializer;
import org.roundtable.ledger.crypto.SubjectKeyStore;
import org.roundtable.ledger.seal.Sealer;
import org.roundtable.ledger.seal.Verifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit services, built on the ledger's beans (its database, verifier, sealer and event serializer). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

    static final String KEY_FILE = "digest-signing-key.pem";

    @Bean
    SigningKey auditSigningKey(AuditProperties properties, @Value("${roundtable.data-dir:./data}") String dataDir) {
        if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
            return SigningKey.fromPkcs8(properties.signingKey());
        }
        return SigningKey.loadOrCreate(Path.of(dataDir).resolve(KEY_FILE));
    }

    @Bean
    AuditHistory auditHistory(@Qualifier("ledgerDatabase") MongoDatabase database,
                              @Qualifier("eventSerializer") PersonalDataSerializer serializer,
                              ObjectProvider<EventStorageEngine> engine, AuditProperties properties) {
        Function<Instant, Long> positionBefore = instant -> {
            EventStorageEngine storage = engine.getIfAvailable();
            TrackingToken token = storage == null ? null : storage.createTokenAt(instant);
            return token == null ? 0L : token.position().orElse(0);
        };
        return new AuditHistory(database, serializer, positionBefore, properties.readWindow(), properties.scanBudget());
    }

    @Bean
    AuditVerification auditVerification(Verifier verifier, Sealer sealer) {
        return new AuditVerification(verifier, sealer);
    }

    @Bean
    DigestService digestService(@Qualifier("ledgerDatabase") MongoDatabase database, Verifier verifier, Sealer sealer,
                                SigningKey auditSigningKey) {
        return new DigestService(database, verifier, sealer, auditSigningKey, Clock.systemUTC());
    }

    @Bean
    LedgerExporter ledgerExporter(@Qualifier("ledgerDatabase") MongoDatabase database, Verifier verifier, Sealer sealer,
                                  SigningKey auditSigningKey, AuditProperties properties,
                                  ObjectProvider<SubjectKeyStore> subjectKeys) {
        return new LedgerExporter(database, properties.readWindow(), verifier, sealer, auditSigningKey, Clock.systemUTC(),
                subjectKeys.getIfAvailable());
    }

    @Bean
    TransferImport transferImport(@Qualifier("ledgerDatabase") MongoDatabase database,
                                  ObjectProvider<SubjectKeyStore> subjectKeys, AuditProperties properties) {
        return new TransferImport(new LedgerImporter(database, properties.readWindow()), subjectKeys.getIfAvailable(),
                TransferImport.keys(properties.importTrustedKeys()), properties.maxImportSize().toBytes());
    }

    @Bean
    Replays replays(ObjectProvider<org.axonframework.config.Configuration> axon, ObjectProvider<EventStorageEngine> engine) {
        return new Replays(() -> axon.getObject().eventProcessingConfiguration(),
                () -> engine.getObject().createHeadToken(), System::nanoTime);
    }
}
