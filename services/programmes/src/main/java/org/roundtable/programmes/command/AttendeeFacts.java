package org.roundtable.programmes.command;

import java.util.Set;

/** A participant as the register's rules see them: their guardian, whether erased, and the consents in force. */
public record AttendeeFacts(String participantId, String guardianId, boolean erased, Set<String> consents) {

    public AttendeeFacts {
        consents = consents == null ? Set.of() : Set.copyOf(consents);
    }
}
