package org.roundtable.benchmarks;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.roundtable.kernel.DataSubject;
import org.roundtable.kernel.PersonalData;

/**
 * The benchmark's domain: a person collects notes. Like our real events, each carries one encrypted
 * personal-data field, so the serializer does the work it does in production.
 */
final class Notes {

    static final String AGGREGATE_TYPE = Person.class.getSimpleName();

    /** {@code ticket} ties the command's acknowledgement to the projection's handling of its event. */
    record Note(@TargetAggregateIdentifier String personId, String text, long ticket) {
    }

    @Revision("1")
    record Noted(@DataSubject String personId, @PersonalData String text, long count, long ticket) {
    }

    static class Person {
        @AggregateIdentifier
        private String personId;
        private long count;

        Person() {
        }

        @CommandHandler
        @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
        long handle(Note command) {
            apply(new Noted(command.personId(), command.text(), count + 1, command.ticket()));
            return count;
        }

        @EventSourcingHandler
        void on(Noted event) {
            personId = event.personId();
            count = event.count();
        }

        long count() {
            return count;
        }
    }

    /** Text of the size a short case note has (about 120 characters). */
    static String text(long n) {
        return "Attended the Tuesday session, brought the forms for the housing application; follow-up call booked #" + n;
    }

    private Notes() {
    }
}
