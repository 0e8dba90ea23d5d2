package org.roundtable.participants.command;

/**
 * Makes a data subject's personal data unreadable everywhere (crypto-shredding). Implemented by the
 * application, which owns the key store; called only after the erasure event has been committed.
 */
public interface SubjectEraser {

    void erase(String subjectId);
}
