package org.roundtable.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.roundtable.audit.api.ReplayStatus;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.ProblemType;

@DisplayName("Replays")
class ReplaysTest {

    static final String GROUP = "participant-directory";

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicLong head = new AtomicLong(1_000);
    private Replays replays;

    @BeforeEach
    void start() {
        when(processing.eventProcessorByProcessingGroup(GROUP, StreamingEventProcessor.class)).thenReturn(Optional.of(processor));
        when(processing.eventProcessorByProcessingGroup("nothing", StreamingEventProcessor.class)).thenReturn(Optional.empty());
        when(processing.eventProcessor("nothing", StreamingEventProcessor.class)).thenReturn(Optional.empty());
        when(processor.supportsReset()).thenReturn(true);
        when(processor.isRunning()).thenReturn(true);
        positions(0, 0);
        replays = new Replays(() -> processing, () -> GapAwareTrackingToken.newInstance(head.get(), List.of()), nanos::get);
    }

    private void positions(long first, long second) {
        Map<Integer, EventTrackerStatus> statuses = Map.of(0, status(first), 1, status(second));
        when(processor.processingStatus()).thenReturn(statuses);
    }

    private static EventTrackerStatus status(long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(position == 0 ? OptionalLong.empty() : OptionalLong.of(position));
        when(status.isReplaying()).thenReturn(true);
        return status;
    }

    @Test
    void stops_the_processor_resets_its_tokens_and_starts_it_again() {
        ReplayStatus status = replays.start(GROUP);

        InOrder order = inOrder(processor);
        order.verify(processor).shutDown();
        order.verify(processor).resetTokens();
        order.verify(processor).start();
        assertThat(status.replaying()).isTrue();
        assertThat(status.position()).isZero();
        assertThat(status.headPosition()).isEqualTo(1_000);
        assertThat(status.remaining()).isEqualTo(1_000);
    }

    @Test
    void reports_the_slowest_segment_and_a_rate_and_eta_measured_between_reads() {
        replays.start(GROUP);
        positions(300, 200);
        nanos.addAndGet(2_000_000_000L);

        ReplayStatus status = replays.status(GROUP);

        assertThat(status.position()).isEqualTo(200);
        assertThat(status.remaining()).isEqualTo(800);
        assertThat(status.eventsPerSecond()).isEqualTo(100.0);
        assertThat(status.etaSeconds()).isEqualTo(8);
    }

    private void segments(Map<Integer, EventTrackerStatus> statuses) {
        when(processor.processingStatus()).thenReturn(statuses);
    }

    private static EventTrackerStatus replayStatus(long position, Long resetPosition, boolean caughtUp) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        when(status.getResetPosition()).thenReturn(resetPosition == null ? OptionalLong.empty() : OptionalLong.of(resetPosition));
        when(status.isReplaying()).thenReturn(true);
        when(status.isCaughtUp()).thenReturn(caughtUp);
        return status;
    }

    @Test
    void reports_a_replay_done_once_it_reached_its_reset_position_though_axon_still_holds_a_replay_token() {
        replays.start(GROUP);
        head.set(1_000);
        segments(Map.of(0, replayStatus(990, 990L, false), 1, replayStatus(990, 990L, false)));

        ReplayStatus done = replays.status(GROUP);

        assertThat(done.replaying()).isFalse();
        assertThat(done.position()).isEqualTo(990);

        segments(Map.of(0, replayStatus(990, 990L, false), 1, replayStatus(989, 990L, false)));
        assertThat(replays.status(GROUP).replaying()).as("one segment one position short").isTrue();
    }

    @Test
    void reports_a_replay_done_when_it_reached_the_head_or_its_stream_is_exhausted() {
        replays.start(GROUP);
        segments(Map.of(0, replayStatus(1_000, null, false)));
        assertThat(replays.status(GROUP).replaying()).isFalse();

        segments(Map.of(0, replayStatus(700, 1_000L, true)));
        assertThat(replays.status(GROUP).replaying()).as("nothing more to read").isFalse();

        segments(Map.of(0, replayStatus(700, 1_000L, false)));
        assertThat(replays.status(GROUP).replaying()).isTrue();
    }

    @Test
    void reports_replaying_right_after_the_reset_while_no_segment_is_claimed_yet() {
        when(processor.processingStatus()).thenReturn(Map.of());

        assertThat(replays.start(GROUP).replaying()).isTrue();
        assertThat(replays.status(GROUP).replaying()).isTrue();

        segments(Map.of(0, replayStatus(1_000, 1_000L, true)));
        assertThat(replays.status(GROUP).replaying()).isFalse();
        when(processor.processingStatus()).thenReturn(Map.of());
        assertThat(replays.status(GROUP).replaying()).as("a later release of claims is no replay").isFalse();
    }

    @Test
    void refuses_a_group_that_cannot_be_reset_or_does_not_exist() {
        when(processor.supportsReset()).thenReturn(false);

        assertThatThrownBy(() -> replays.start(GROUP)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.RULE_VIOLATION));
        verify(processor, never()).shutDown();
        assertThatThrownBy(() -> replays.status("nothing")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND));
    }

    @Test
    void restarts_the_processor_and_answers_conflict_when_another_instance_holds_a_claim() {
        doThrow(new UnableToClaimTokenException("claimed")).when(processor).resetTokens();

        assertThatThrownBy(() -> replays.start(GROUP)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.type()).isEqualTo(ProblemType.CONFLICT));
        verify(processor).start();
    }
}
