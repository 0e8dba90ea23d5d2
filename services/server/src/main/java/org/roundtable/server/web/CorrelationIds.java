package org.roundtable.server.web;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.context.request.RequestAttributes;

/** The correlation id of a request: the caller's {@code X-Correlation-Id} if well-formed, else a new one. */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    static final String ATTRIBUTE = CorrelationIds.class.getName();
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private CorrelationIds() {
    }

    static String accept(String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    public static Optional<String> of(RequestAttributes request) {
        if (request == null) {
            return Optional.empty();
        }
        Object value = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return value instanceof String id ? Optional.of(id) : Optional.empty();
    }
}
