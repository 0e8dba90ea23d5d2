package org.roundtable.audit.api;

/**
 * How far a processing group's rebuild has come.
 *
 * @param processingGroup the processor
 * @param running         whether the processor runs on this instance
 * @param replaying       whether any of its segments is still replaying
 * @param position        the lowest position its segments have processed (0 before the first event)
 * @param headPosition    the ledger's last written position
 * @param remaining       positions still to process
 * @param eventsPerSecond recent rate measured by this instance between two status reads, or null before two reads
 * @param etaSeconds      estimated seconds until caught up, or null when unknown
 */
public record ReplayStatus(String processingGroup, boolean running, boolean replaying, long position,
                           long headPosition, long remaining, Double eventsPerSecond, Long etaSeconds) {
}
