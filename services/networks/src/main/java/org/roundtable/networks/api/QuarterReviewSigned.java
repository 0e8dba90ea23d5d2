package org.roundtable.networks.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The chair signed off a quarter with a summary on a day. */
@Revision("1")
public record QuarterReviewSigned(String networkId, Quarter quarter, String summary, LocalDate signedOn)
        implements NetworkEvent {
}
