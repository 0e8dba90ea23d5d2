package org.roundtable.server.wiring;

import org.roundtable.ledger.crypto.SubjectKeyStore;
import org.roundtable.participants.command.SubjectEraser;
import org.springframework.stereotype.Component;

/** Erasure of a participant destroys their key in the ledger: crypto-shredding of every event about them. */
@Component
class LedgerSubjectEraser implements SubjectEraser {

    private final SubjectKeyStore keys;

    LedgerSubjectEraser(SubjectKeyStore keys) {
        this.keys = keys;
    }

    @Override
    public void erase(String subjectId) {
        keys.erase(subjectId);
    }
}
