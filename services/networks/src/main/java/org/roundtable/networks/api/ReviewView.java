package org.roundtable.networks.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The chair's sign-off of a quarter. {@code ledgerPosition} is the ledger position of the signing
 * event: the review shows the network's record up to and including it (null where the record was
 * built from events without a position).
 */
public record ReviewView(String summary, LocalDate signedOn, Instant signedAt, String signedBy, Long ledgerPosition,
                         long version) {
}
