package org.roundtable.networks.api;

import org.axonframework.serialization.Revision;

/**
 * A member agency shared a quarter's figures from one of its programmes. A later share for the same
 * member, quarter and programme supersedes this one.
 */
@Revision("1")
public record FiguresShared(String networkId, String memberId, Quarter quarter, String programmeId,
                            QuarterFigures figures) implements NetworkEvent {
}
