package org.roundtable.ledger.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger as a source for streaming processors, with streams that say when events arrive.
 *
 * <p>Axon's pooled streaming processor, once caught up, asks its stream for an availability callback and
 * otherwise re-checks only every 500 ms; the embedded event store's stream offers none. These streams
 * read the engine directly and call back at once when this JVM commits (the engine's append listener, which
 * also fires for a refused commit's empty marker) and, for commits by other instances, when a light poll of
 * the position counter on one shared daemon thread sees it move.
 */
public final class LedgerMessageSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    /** How often the shared poller looks at the position counter for other instances' commits. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(50);
    /**
     * A stream that looked and found nothing, with no wake-up since, answers "nothing" without a query
     * for this long; past it, it looks again anyway in case a wake-up was lost.
     */
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Longest pause between re-looks while a reserved position is still unwritten (a writer in flight elsewhere). */
    private static final long MAX_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final Logger log = LoggerFactory.getLogger(LedgerMessageSource.class);

    private final MongoLedgerEngine engine;
    private final long pollNanos;
    private final Set<LedgerStream> streams = ConcurrentHashMap.newKeySet();
    private final Object pollerLock = new Object();
    private Thread poller;
    private volatile boolean closed;

    /**
     * @param pollInterval how often the counter is polled for other instances' commits while a stream is open
     */
    public LedgerMessageSource(MongoLedgerEngine engine, Duration pollInterval) {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("The poll interval must be positive");
        }
        this.engine = engine;
        this.pollNanos = pollInterval.toNanos();
        engine.onAppend(position -> streams.forEach(LedgerStream::wake));
    }

    public LedgerMessageSource(MongoLedgerEngine engine) {
        this(engine, DEFAULT_POLL_INTERVAL);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        if (closed) {
            throw new IllegalStateException("The ledger message source is closed");
        }
        LedgerStream stream = new LedgerStream(trackingToken);
        streams.add(stream);
        synchronized (pollerLock) {
            if (poller == null) {
                poller = new Thread(this::poll, "ledger-stream-poller");
                poller.setDaemon(true);
                poller.start();
            }
        }
        return stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return engine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return engine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return engine.createTokenAt(dateTime);
    }

    /** Streams open now (for tests and metrics). */
    int openStreams() {
        return streams.size();
    }

    /** Closes every open stream; the poller ends with the last one. */
    @Override
    public void close() {
        closed = true;
        streams.forEach(LedgerStream::close);
    }

    private void poll() {
        while (true) {
            LockSupport.parkNanos(pollNanos);
            synchronized (pollerLock) {
                if (streams.isEmpty()) {
                    poller = null;
                    return;
                }
            }
            long reserved;
            try {
                reserved = engine.lastReservedPosition();
            } catch (RuntimeException e) {
                // the store is unreachable: streams fall back to looking again after QUIET_NANOS
                log.debug("Could not read the ledger's position counter: {}", e.getMessage());
                continue;
            }
            long now = System.nanoTime();
            for (LedgerStream stream : streams) {
                stream.polled(reserved, now);
            }
        }
    }

    /**
     * One processor's view of the ledger, buffering one engine read at a time. Read by one thread (the
     * processor's coordinator, as Axon's own streams are); woken by any.
     */
    private final class LedgerStream implements BlockingStream<TrackedEventMessage<?>> {

        private final ArrayDeque<TrackedEventMessage<?>> buffer = new ArrayDeque<>();
        private final Object signal = new Object();
        private TrackingToken lastToken;
        private long wakeUps;
        private volatile Runnable callback;
        private volatile boolean streamClosed;

        /** Set when a look found nothing: the position the stream stood at, and when. */
        private volatile boolean idle;
        private volatile long idlePosition;
        private long emptyAt;
        private long wakeUpsAtEmpty = -1;

        /** The poller's bookkeeping (poller thread only). */
        private long firedFor = -1;
        private long retryDelay;
        private long retryAt;

        LedgerStream(TrackingToken start) {
            this.lastToken = start;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (buffer.isEmpty()) {
                fill();
            }
            return Optional.ofNullable(buffer.peekFirst());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                long seen = wakeUps();
                if (!buffer.isEmpty() || fill()) {
                    return true;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || streamClosed) {
                    return false;
                }
                synchronized (signal) {
                    while (wakeUps == seen && !streamClosed && remaining > 0) {
                        TimeUnit.NANOSECONDS.timedWait(signal, remaining);
                        remaining = deadline - System.nanoTime();
                    }
                }
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (buffer.isEmpty()) {
                if (!hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS) && streamClosed) {
                    throw new IllegalStateException("The ledger stream is closed");
                }
            }
            return buffer.pollFirst();
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            return true;
        }

        @Override
        public void close() {
            streamClosed = true;
            callback = null;
            streams.remove(this);
            synchronized (signal) {
                wakeUps++;
                signal.notifyAll();
            }
        }

        /** Reads the next events after the last one buffered; true if any arrived. */
        private boolean fill() {
            if (streamClosed) {
                return false;
            }
            long seen = wakeUps();
            long now = System.nanoTime();
            if (seen == wakeUpsAtEmpty && now - emptyAt < QUIET_NANOS) {
                return false; // nothing was committed since the last empty look
            }
            // one read of the engine's batch, whole commits: a buffer cut inside a commit would cost a look-back
            buffer.addAll(engine.readNextBatch(lastToken));
            if (buffer.isEmpty()) {
                idlePosition = lastToken == null ? 0 : lastToken.position().orElse(0);
                emptyAt = now;
                wakeUpsAtEmpty = seen;
                idle = true;
                return false;
            }
            idle = false;
            wakeUpsAtEmpty = -1;
            lastToken = buffer.peekLast().trackingToken();
            return true;
        }

        private long wakeUps() {
            synchronized (signal) {
                return wakeUps;
            }
        }

        /** Something may have been committed: wake a waiting reader and tell the processor. */
        void wake() {
            synchronized (signal) {
                wakeUps++;
                signal.notifyAll();
            }
            Runnable current = callback;
            if (current != null) {
                try {
                    current.run();
                } catch (RuntimeException e) {
                    log.debug("A stream's availability callback failed: {}", e.getMessage());
                }
            }
        }

        /**
         * Called by the poller with the counter's value. A stream that found nothing is woken when the counter
         * passed its position; while the reserved positions stay unwritten (a writer elsewhere in flight, or a
         * gap that must time out) it is woken again with a growing pause.
         */
        void polled(long reserved, long now) {
            if (!idle || reserved <= idlePosition) {
                firedFor = -1;
                return;
            }
            if (reserved != firedFor) {
                firedFor = reserved;
                retryDelay = pollNanos;
            } else if (now < retryAt) {
                return;
            } else {
                retryDelay = Math.min(MAX_RETRY_NANOS, retryDelay * 2);
            }
            retryAt = now + retryDelay;
            wake();
        }
    }
}
