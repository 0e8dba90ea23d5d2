package org.roundtable.audit.export;

import java.util.List;

/**
 * What checking an export found.
 *
 * @param ok              whether everything checked passed
 * @param lines           commit lines read
 * @param commits         commits read
 * @param events          events read
 * @param tenantId        the exported tenant (from the trailer, or the lines when there is none)
 * @param throughPosition the sealed head the export was made at, when the trailer was read
 * @param chainHead       the chain value at that head, when the trailer was read
 * @param notes           things checked or not checkable, for people
 * @param failure         the first failure, or null when ok
 */
public record ExportReport(boolean ok, long lines, long commits, long events, String tenantId, Long throughPosition,
                           String chainHead, List<String> notes, Failure failure) {

    public ExportReport {
        notes = List.copyOf(notes);
    }

    /**
     * @param line     the 1-based line of the file it concerns, or null when it concerns no single line
     * @param position the ledger position it concerns, or null
     * @param detail   a sentence for people; positions and field names only
     */
    public record Failure(Long line, Long position, String detail) {

        @Override
        public String toString() {
            return (line == null ? "" : "line " + line + ": ") + (position == null ? "" : "position " + position + ": ") + detail;
        }
    }
}
