package org.roundtable.audit.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of the history as stored in the ledger, for people to read.
 *
 * @param position      the event's global position (one total order across tenants)
 * @param eventId       the event's identifier
 * @param type          the payload's full type name
 * @param revision      the payload's revision, or null
 * @param aggregateId   the aggregate it belongs to, or null for an event without one
 * @param aggregateType the aggregate's type, or null
 * @param sequence      the aggregate's sequence number, or null
 * @param timestamp     when it happened, ISO-8601 exactly as stored
 * @param tenantId      the agency it belongs to
 * @param actorId       who caused it
 * @param actorRole     the role they acted in
 * @param correlationId the request that caused it
 * @param causationId   the message that directly caused it
 * @param metadata      the whole stored metadata
 * @param payload       the payload, personal data shown, hidden or erased (see the controller)
 */
public record HistoryEvent(long position, String eventId, String type, String revision, String aggregateId,
                           String aggregateType, Long sequence, String timestamp, String tenantId, String actorId,
                           String actorRole, String correlationId, String causationId, JsonNode metadata,
                           JsonNode payload) {
}
