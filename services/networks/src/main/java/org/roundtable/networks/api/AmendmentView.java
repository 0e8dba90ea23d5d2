package org.roundtable.networks.api;

import java.time.Instant;

/** A correction shown beside approved minutes. */
public record AmendmentView(String amendmentId, String text, Instant at, String by) {
}
