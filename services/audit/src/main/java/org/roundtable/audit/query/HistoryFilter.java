package org.roundtable.audit.query;

import java.time.Instant;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.ProblemType;

/**
 * What a history page asks for. Every criterion is optional; they combine with "and".
 *
 * @param aggregateId   only events of this aggregate
 * @param type          only events of this payload type: a full class name, or a simple name matching its last part
 * @param actor         only events whose metadata names this {@code actorId}
 * @param from          only events whose timestamp is at or after this instant
 * @param to            only events whose timestamp is before this instant
 * @param afterPosition only positions after this one (0 for the beginning)
 * @param toPosition    only positions up to and including this one, or null for no bound
 * @param limit         at most this many events, 1 to {@link #MAX_LIMIT}
 */
public record HistoryFilter(String aggregateId, String type, String actor, Instant from, Instant to,
                            long afterPosition, Long toPosition, int limit) {

    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 100;

    public HistoryFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new DomainException(ProblemType.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
        }
        if (afterPosition < 0) {
            throw new DomainException(ProblemType.BAD_REQUEST, "afterPosition must not be negative");
        }
        if (toPosition != null && toPosition < afterPosition) {
            throw new DomainException(ProblemType.BAD_REQUEST, "toPosition must not be before afterPosition");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new DomainException(ProblemType.BAD_REQUEST, "from must be before to");
        }
    }

    public static HistoryFilter all() {
        return new HistoryFilter(null, null, null, null, null, 0, null, DEFAULT_LIMIT);
    }

    public HistoryFilter after(long position) {
        return new HistoryFilter(aggregateId, type, actor, from, to, position, toPosition, limit);
    }

    public HistoryFilter limit(int size) {
        return new HistoryFilter(aggregateId, type, actor, from, to, afterPosition, toPosition, size);
    }

    boolean matchesType(String storedType) {
        if (type == null) {
            return true;
        }
        if (storedType == null) {
            return false;
        }
        if (type.indexOf('.') >= 0) {
            return type.equals(storedType);
        }
        int cut = Math.max(storedType.lastIndexOf('.'), storedType.lastIndexOf('$'));
        return type.equals(storedType.substring(cut + 1));
    }
}
