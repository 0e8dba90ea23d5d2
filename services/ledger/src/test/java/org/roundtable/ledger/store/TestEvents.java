package org.roundtable.ledger.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.roundtable.kernel.MetadataKeys;

/** Events and a serializer for the engine's tests. */
final class TestEvents {

    record SomethingHappened(String id, int number, String note) {
    }

    record Ticked(long tick) {
    }

    static JacksonSerializer serializer() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return JacksonSerializer.builder().objectMapper(mapper).defaultTyping().build();
    }

    static DomainEventMessage<SomethingHappened> domainEvent(String aggregateId, long sequence, String tenant) {
        return new GenericDomainEventMessage<>("Thing", aggregateId, sequence,
                new SomethingHappened(aggregateId, (int) sequence, "n" + sequence),
                MetaData.with(MetadataKeys.TENANT_ID, tenant));
    }

    static List<DomainEventMessage<?>> commit(String aggregateId, long firstSequence, int count, String tenant) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(domainEvent(aggregateId, firstSequence + i, tenant));
        }
        return events;
    }

    static EventMessage<Ticked> plainEvent(long tick) {
        return new GenericEventMessage<>(new Ticked(tick), Map.of(MetadataKeys.TENANT_ID, "kent"));
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    private TestEvents() {
    }
}
