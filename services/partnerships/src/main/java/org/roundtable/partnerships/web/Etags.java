package org.roundtable.partnerships.web;

import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.ProblemType;

/** Our ETags are the aggregate version, quoted. */
final class Etags {

    private Etags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version in {@code If-Match}: 428 without one, 412 for anything that cannot be a version of ours. */
    static long expectedVersion(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainException(ProblemType.PRECONDITION_REQUIRED, "If-Match with the " + what + "'s ETag is required");
        }
        String tag = ifMatch.strip();
        if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                long version = Long.parseLong(tag.substring(1, tag.length() - 1));
                if (version >= 0) {
                    return version;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the precondition failure
            }
        }
        throw new DomainException(ProblemType.PRECONDITION_FAILED, "If-Match does not match the " + what + "'s ETag");
    }
}
