package org.roundtable.ledger.config;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.roundtable.kernel.DataSubject;
import org.roundtable.kernel.PersonalData;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/** A tiny event-sourced application to run the ledger under real Axon and Spring Boot. */
@SpringBootApplication
public class LedgerTestApplication {

    public record Note(@TargetAggregateIdentifier String personId, String text) {
    }

    @Revision("1")
    public record Noted(@DataSubject String personId, @PersonalData String text, long count) {
    }

    @Aggregate(snapshotTriggerDefinition = "everyTenEvents")
    static class Person {
        @AggregateIdentifier
        private String personId;
        private long count;

        Person() {
        }

        @CommandHandler
        @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
        long handle(Note command) {
            apply(new Noted(command.personId(), command.text(), count + 1));
            return count; // the count after this note: apply() runs the sourcing handler at once
        }

        @EventSourcingHandler
        void on(Noted event) {
            personId = event.personId();
            count = event.count();
        }
    }

    @org.springframework.context.annotation.Bean
    org.axonframework.eventsourcing.SnapshotTriggerDefinition everyTenEvents(
            org.axonframework.eventsourcing.Snapshotter snapshotter) {
        return new org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition(snapshotter, 10);
    }

    /** The live read model: last note and count per person. */
    @Component
    @ProcessingGroup("notes")
    public static class NotesProjection {
        public final Map<String, String> lastText = new ConcurrentHashMap<>();
        public final Map<String, Long> counts = new ConcurrentHashMap<>();

        @EventHandler
        void on(Noted event) {
            counts.merge(event.personId(), 1L, Long::sum);
            lastText.put(event.personId(), event.text() == null ? PersonalData.ERASED : event.text());
        }

        @ResetHandler
        void reset() {
            lastText.clear();
            counts.clear();
        }
    }
}
