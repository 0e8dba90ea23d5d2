package org.roundtable.server.asof;

import com.mongodb.client.MongoClient;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.stereotype.Component;

/**
 * Scratch databases on the application's own MongoDB for read models rebuilt as of a position: one fresh
 * database per request ({@code asof_<epoch seconds>_<uuid>}), written through a template that maps documents
 * exactly as the live one does, and dropped when the request is done. The epoch in the name lets an instance
 * drop what a crashed one left behind without touching a scratch database another instance is still using.
 */
@Component
class ScratchDatabases {

    static final String PREFIX = "asof_";
    private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d+)_[0-9a-f]{32}");
    private static final Logger log = LoggerFactory.getLogger(ScratchDatabases.class);

    private final MongoClient client;
    private final MappingMongoConverter live;
    private final AsOfProperties properties;
    private final Clock clock = Clock.systemUTC();

    ScratchDatabases(MongoClient client, MappingMongoConverter live, AsOfProperties properties) {
        this.client = client;
        this.live = live;
        this.properties = properties;
    }

    /** A new, empty scratch database; close it to drop it. */
    Scratch open() {
        String name = PREFIX + clock.instant().getEpochSecond() + "_" + UUID.randomUUID().toString().replace("-", "");
        SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(client, name);
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, live.getMappingContext());
        converter.setCustomConversions(live.getCustomConversions());
        converter.setTypeMapper(live.getTypeMapper());
        converter.afterPropertiesSet();
        return new Scratch(name, new MongoTemplate(factory, converter));
    }

    @EventListener(ApplicationReadyEvent.class)
    void dropLeftovers() {
        Instant before = clock.instant().minus(properties.leftoverAge());
        try {
            for (String name : client.listDatabaseNames()) {
                Matcher match = NAME.matcher(name);
                if (match.matches() && Instant.ofEpochSecond(Long.parseLong(match.group(1))).isBefore(before)) {
                    client.getDatabase(name).drop();
                    log.info("Dropped the leftover as-of scratch database {}", name);
                }
            }
        } catch (RuntimeException e) {
            // a user without the right to list databases still gets correct answers; leftovers then wait for an operator
            log.warn("Could not look for leftover as-of scratch databases: {}", e.getClass().getSimpleName());
        }
    }

    /** One scratch database and the template that writes to it. */
    final class Scratch implements AutoCloseable {

        private final String name;
        private final MongoTemplate template;

        private Scratch(String name, MongoTemplate template) {
            this.name = name;
            this.template = template;
        }

        MongoTemplate template() {
            return template;
        }

        @Override
        public void close() {
            try {
                client.getDatabase(name).drop();
            } catch (RuntimeException e) {
                log.warn("Could not drop the as-of scratch database {}: {}", name, e.getClass().getSimpleName());
            }
        }
    }
}
