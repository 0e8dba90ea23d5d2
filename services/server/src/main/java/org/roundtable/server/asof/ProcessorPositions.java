package org.roundtable.server.asof;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * How far the live read models have come: over every segment of the processors of some processing groups,
 * the lowest position (everything up to it is in all of them) and the highest (nothing after it is in any).
 */
@Component
class ProcessorPositions {

    private final EventProcessingConfiguration processing;

    ProcessorPositions(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    Range of(Collection<String> processingGroups) {
        long lowest = Long.MAX_VALUE;
        long highest = 0;
        for (String group : processingGroups) {
            StreamingEventProcessor processor = processing.eventProcessorByProcessingGroup(group,
                    StreamingEventProcessor.class).orElse(null);
            Map<Integer, EventTrackerStatus> statuses = processor == null ? Map.of() : processor.processingStatus();
            if (statuses.isEmpty()) {
                // a processor that claims no segment on this instance says nothing about what the read model holds
                lowest = 0;
                continue;
            }
            for (EventTrackerStatus status : statuses.values()) {
                OptionalLong position = status.getCurrentPosition();
                lowest = Math.min(lowest, position.orElse(0L));
                highest = Math.max(highest, position.orElse(0L));
            }
        }
        return new Range(lowest == Long.MAX_VALUE ? 0 : lowest, highest);
    }

    /** Positions over segments: {@code lowest} is reflected in full, nothing beyond {@code highest} is. */
    record Range(long lowest, long highest) {
    }
}
