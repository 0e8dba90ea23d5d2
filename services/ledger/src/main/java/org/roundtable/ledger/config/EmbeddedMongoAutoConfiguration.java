package org.roundtable.ledger.config;

import com.mongodb.ConnectionString;
import java.nio.file.Path;
import org.roundtable.ledger.embedded.EmbeddedMongo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The embedded default: when no MongoDB is configured, serve one in this JVM on loopback and point
 * Spring's MongoDB client at it, so every read and write takes the production driver path.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@Conditional(NoMongoConfiguredCondition.class)
@ConditionalOnProperty(prefix = "roundtable.embedded", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(EmbeddedProperties.class)
public class EmbeddedMongoAutoConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMongo embeddedMongo(EmbeddedProperties properties,
                                @Value("${roundtable.data-dir:./data}") String dataDir) {
        return switch (properties.backend()) {
            case "memory" -> EmbeddedMongo.inMemory(properties.port());
            case "h2" -> EmbeddedMongo.onDisk(Path.of(dataDir), properties.port(), properties.sync(),
                    properties.warnAtMegabytes() * 1024 * 1024);
            default -> throw new IllegalStateException(
                    "roundtable.embedded.backend must be h2 or memory, not " + properties.backend());
        };
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongo mongo) {
        ConnectionString connectionString = new ConnectionString(mongo.connectionString());
        return () -> connectionString;
    }
}
