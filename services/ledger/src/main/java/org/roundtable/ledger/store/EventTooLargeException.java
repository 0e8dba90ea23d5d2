package org.roundtable.ledger.store;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/** An event or commit over the configured size. Names the type, never the content. */
public class EventTooLargeException extends EventStoreException {

    public EventTooLargeException(String what, long bytes, long limit) {
        super(what + " is " + bytes + " bytes serialized; the ledger accepts at most " + limit);
    }
}
