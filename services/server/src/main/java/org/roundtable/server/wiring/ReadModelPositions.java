package org.roundtable.server.wiring;

import java.util.Collection;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * The ledger position a set of read models reflects: the lowest position any segment of their
 * processors has handled, so everything up to it is in every one of them.
 */
@Component
class ReadModelPositions {

    private final EventProcessingConfiguration processing;

    ReadModelPositions(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    long reflectedBy(Collection<String> processingGroups) {
        long lowest = Long.MAX_VALUE;
        for (String group : processingGroups) {
            StreamingEventProcessor processor = processing.eventProcessorByProcessingGroup(group,
                    StreamingEventProcessor.class).orElse(null);
            if (processor == null) {
                continue;
            }
            for (EventTrackerStatus status : processor.processingStatus().values()) {
                OptionalLong position = status.getCurrentPosition();
                lowest = Math.min(lowest, position.orElse(0L));
            }
        }
        return lowest == Long.MAX_VALUE ? 0L : lowest;
    }
}
