package org.roundtable.audit.replay;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.roundtable.audit.api.ReplayStatus;
import org.roundtable.kernel.DomainException;

/**
 * Rebuilds a read model by replaying the whole ledger into its streaming processor: shut it down, reset
 * its tokens to the start, start it again. Its projections clear their documents in their
 * {@code @ResetHandler}, so the rebuild happens in place: queries see the read model fill up again while it
 * replays, not a finished copy swapped in at the end.
 *
 * <p>A reset needs every segment's claim. With several instances, the others may still hold claims: the
 * reset is then refused (409) and should be repeated once they released them (or with them stopped).
 * The rate and ETA are measured on this instance, from the reset (or the previous status read) to now.
 *
 * <p>A replay is reported finished once every segment has processed up to where it stood at the reset (or up
 * to the ledger's head, or has nothing more to read), not only when Axon drops its replay token, which
 * happens at the first event after the reset position and so never on a quiet ledger.
 */
public class Replays {

    private final Supplier<EventProcessingConfiguration> processing;
    private final Supplier<TrackingToken> headToken;
    private final LongSupplier nanoClock;
    private final Map<String, Sample> samples = new ConcurrentHashMap<>();
    private final Set<String> awaitingClaim = ConcurrentHashMap.newKeySet();

    public Replays(Supplier<EventProcessingConfiguration> processing, Supplier<TrackingToken> headToken, LongSupplier nanoClock) {
        this.processing = processing;
        this.headToken = headToken;
        this.nanoClock = nanoClock;
    }

    public ReplayStatus start(String group) {
        StreamingEventProcessor processor = processor(group);
        if (!processor.supportsReset()) {
            throw DomainException.rule("The processing group " + group + " cannot be replayed: its handlers do not allow a reset");
        }
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException e) {
            processor.start();
            throw DomainException.conflict("The processing group " + group
                    + " is claimed by another instance; stop it there (or wait for its claims to lapse) and try again");
        }
        samples.put(group, new Sample(nanoClock.getAsLong(), 0));
        awaitingClaim.add(group);
        processor.start();
        return status(group);
    }

    public ReplayStatus status(String group) {
        StreamingEventProcessor processor = processor(group);
        Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
        long position = Long.MAX_VALUE;
        boolean replaying = false;
        TrackingToken head = headToken.get();
        long headPosition = head == null ? 0 : head.position().orElse(0);
        for (EventTrackerStatus status : statuses.values()) {
            OptionalLong current = status.getCurrentPosition();
            position = Math.min(position, current.orElse(0));
            replaying |= stillReplaying(status, headPosition);
        }
        if (statuses.isEmpty()) {
            position = 0;
            // reset and started again here, its segments not claimed yet: the replay has not begun
            replaying = processor.isRunning() && awaitingClaim.contains(group);
        } else {
            awaitingClaim.remove(group);
        }
        long remaining = Math.max(0, headPosition - position);
        long now = nanoClock.getAsLong();
        Sample previous = samples.put(group, new Sample(now, position));
        Double rate = null;
        Long eta = null;
        if (previous != null && now > previous.nanos() && position >= previous.position()) {
            rate = (position - previous.position()) / ((now - previous.nanos()) / 1e9);
            if (rate > 0) {
                eta = Math.round(remaining / rate);
            } else if (remaining == 0) {
                eta = 0L;
            }
        }
        if (previous != null && position < previous.position()) {
            // a reset elsewhere moved it back: measure afresh from here
            rate = null;
        }
        return new ReplayStatus(group, processor.isRunning(), replaying, position, headPosition, remaining, rate, eta);
    }

    /**
     * Axon keeps a segment's token a replay token until an event <em>after</em> the reset position arrives (its
     * reset position "covers" the last replayed one), so on a quiet ledger {@code isReplaying} stays true after the
     * replay has finished. A segment is done once it has processed up to its reset position, or up to the head
     * the ledger has now, or its stream has nothing more to give.
     */
    private static boolean stillReplaying(EventTrackerStatus status, long headPosition) {
        if (!status.isReplaying()) {
            return false;
        }
        long current = status.getCurrentPosition().orElse(0);
        OptionalLong reset = status.getResetPosition();
        if (reset.isPresent() && current >= reset.getAsLong()) {
            return false;
        }
        if (current >= headPosition) {
            return false;
        }
        return !status.isCaughtUp();
    }

    private StreamingEventProcessor processor(String group) {
        EventProcessingConfiguration configuration = processing.get();
        Optional<StreamingEventProcessor> processor =
                configuration.eventProcessorByProcessingGroup(group, StreamingEventProcessor.class);
        if (processor.isEmpty()) {
            processor = configuration.eventProcessor(group, StreamingEventProcessor.class);
        }
        return processor.orElseThrow(() -> DomainException.notFound("Streaming processing group " + group));
    }

    private record Sample(long nanos, long position) {
    }
}
