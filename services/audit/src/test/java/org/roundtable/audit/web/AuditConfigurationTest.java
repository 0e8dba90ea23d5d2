package org.roundtable.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.audit.TestLedger;
import org.roundtable.audit.TestLedger.SessionHeld;
import org.roundtable.audit.digest.DigestService;
import org.roundtable.audit.digest.SigningKey;
import org.roundtable.audit.query.AuditHistory;
import org.roundtable.audit.query.AuditVerification;
import org.roundtable.audit.query.HistoryFilter;
import org.roundtable.kernel.TenantId;
import org.roundtable.ledger.crypto.PersonalDataSerializer;
import org.roundtable.ledger.seal.Sealer;
import org.roundtable.ledger.seal.Verifier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@DisplayName("The audit configuration")
class AuditConfigurationTest {

    static TestLedger ledger;

    @TempDir
    Path dataDir;

    @BeforeEach
    void start() {
        ledger = new TestLedger();
        ledger.append("kent", "s-1", "officer-1", Instant.parse("2026-03-01T10:00:00Z"), new SessionHeld("s-1", 1));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    /** The beans the ledger's auto-configuration provides in the application. */
    @Configuration(proxyBeanMethods = false)
    static class LedgerBeans {

        @Bean
        MongoDatabase ledgerDatabase() {
            return ledger.database();
        }

        @Bean
        @Qualifier("eventSerializer")
        PersonalDataSerializer eventSerializer() {
            return ledger.serializer();
        }

        @Bean
        Verifier ledgerVerifier() {
            return ledger.verifier();
        }

        @Bean
        Sealer ledgerSealer() {
            return ledger.sealer();
        }
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(LedgerBeans.class, AuditConfiguration.class)
                .withPropertyValues("roundtable.data-dir=" + dataDir);
    }

    @Test
    void builds_the_audit_services_on_the_ledgers_beans_and_keeps_a_generated_key_in_the_data_directory() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(AuditVerification.class).verify().ok()).isTrue();
            assertThat(context.getBean(AuditHistory.class).find(new TenantId("kent"), HistoryFilter.all(), false).items())
                    .hasSize(1);
            Path keyFile = dataDir.resolve(AuditConfiguration.KEY_FILE);
            assertThat(keyFile).exists();
            assertThat(context.getBean(DigestService.class).publicKey().publicKey())
                    .isEqualTo(SigningKey.fromPkcs8(Files.readString(keyFile)).publicKeyBase64());
        });
    }

    @Test
    void signs_with_the_configured_key_and_writes_no_key_file(@TempDir Path elsewhere) throws Exception {
        Path file = elsewhere.resolve("operator-made.pem");
        SigningKey configured = SigningKey.loadOrCreate(file);
        String base64 = Files.readString(file).replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "").replace("\n", "");

        runner().withPropertyValues("roundtable.audit.signing-key=" + base64)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(DigestService.class).publicKey().publicKey())
                            .isEqualTo(configured.publicKeyBase64());
                    assertThat(dataDir.resolve(AuditConfiguration.KEY_FILE)).doesNotExist();
                });
    }
}
