package org.roundtable.participants.command;

import java.util.ArrayList;
import java.util.List;

/** Remembers which subjects it was asked to erase. */
class RecordingSubjectEraser implements SubjectEraser {

    final List<String> erased = new ArrayList<>();

    @Override
    public void erase(String subjectId) {
        erased.add(subjectId);
    }
}
