package org.roundtable.server.asof;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

/**
 * Feeds the ledger's events, in position order and up to a position, to projections that are not the live
 * ones (instances writing to a scratch database). Events the caller has no use for are passed over before
 * their payload is read: the filter sees the type and metadata, which the ledger hands out undeserialized.
 * Personal data comes back through the ledger's serializer as it does for the live processors, so a person
 * erased since reads as erased in any state rebuilt now, however early the position.
 */
@Component
class LedgerReplay {

    private final EventStorageEngine ledger;

    LedgerReplay(EventStorageEngine ledger) {
        this.ledger = ledger;
    }

    /**
     * Replays every event at a position up to {@code through} that {@code wanted} accepts into the projections.
     * Answers the position the projections now reflect: {@code through}, or the last position the ledger could
     * hand out if it ends (or waits for a writer) before it.
     */
    Replayed replay(long through, Predicate<TrackedEventMessage<?>> wanted, List<Object> projections) {
        List<AnnotationEventHandlerAdapter> handlers = projections.stream().map(AnnotationEventHandlerAdapter::new).toList();
        long reached = 0;
        Instant lastAt = null;
        long passed = 0;
        long applied = 0;
        long applying = 0;
        if (through > 0) {
            try (Stream<? extends TrackedEventMessage<?>> stream = ledger.readEvents(null, false)) {
                Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
                while (events.hasNext()) {
                    TrackedEventMessage<?> event = events.next();
                    long position = event.trackingToken().position().orElseThrow();
                    if (position > through) {
                        reached = through;
                        break;
                    }
                    reached = position;
                    lastAt = event.getTimestamp();
                    passed++;
                    if (wanted.test(event)) {
                        long started = System.nanoTime();
                        applied += apply(event, position, handlers);
                        applying += System.nanoTime() - started;
                    }
                }
            }
        }
        return new Replayed(reached, lastAt, passed, applied, applying / 1_000_000);
    }

    private static int apply(TrackedEventMessage<?> event, long position, List<AnnotationEventHandlerAdapter> handlers) {
        int applied = 0;
        for (AnnotationEventHandlerAdapter handler : handlers) {
            if (!handler.canHandle(event)) {
                continue;
            }
            try {
                handler.handle(event);
                applied++;
            } catch (Exception e) {
                // names only the type and position: an event's content may be personal data
                throw new IllegalStateException("Replaying " + event.getPayloadType().getSimpleName() + " at position "
                        + position + " into " + handler.getTargetType().getSimpleName() + " failed", e);
            }
        }
        return applied;
    }

    /**
     * What a replay did.
     *
     * @param position the ledger position the projections reflect
     * @param lastAt   when the last event up to that position was recorded (null if there was none)
     * @param passed   events read from the ledger
     * @param applied  handler invocations
     * @param applyMillis time spent in the handlers (the rest of a replay's time is reading the ledger)
     */
    record Replayed(long position, Instant lastAt, long passed, long applied, long applyMillis) {
    }
}
