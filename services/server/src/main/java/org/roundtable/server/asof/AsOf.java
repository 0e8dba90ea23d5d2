package org.roundtable.server.asof;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.ProblemType;

/**
 * The point an as-of request names: a ledger position ({@code asOf=1234}) or an instant
 * ({@code asOf=2026-04-30T12:00:00Z}, or with an offset). Exactly one of the two is set.
 */
record AsOf(Long position, Instant instant) {

    private static final Pattern POSITION = Pattern.compile("\\d{1,18}");

    static AsOf parse(String text) {
        String value = text == null ? "" : text.strip();
        if (POSITION.matcher(value).matches()) {
            return new AsOf(Long.parseLong(value), null);
        }
        try {
            return new AsOf(null, Instant.parse(value));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return new AsOf(null, OffsetDateTime.parse(value).toInstant());
            } catch (DateTimeParseException notEither) {
                throw new DomainException(ProblemType.BAD_REQUEST,
                        "asOf must be a ledger position (e.g. 1234) or an ISO-8601 instant (e.g. 2026-04-30T12:00:00Z)");
            }
        }
    }
}
