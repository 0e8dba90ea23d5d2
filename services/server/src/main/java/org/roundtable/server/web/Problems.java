package org.roundtable.server.web;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import org.roundtable.kernel.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problems whose {@code type} comes from {@link ProblemType}. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    /**
     * A problem for a status that has no {@link ProblemType} of its own (405, 406, 500...): RFC 9457's
     * {@code about:blank} type, meaning nothing beyond the HTTP status.
     */
    public static ProblemDetail ofStatus(HttpStatusCode status, String detail) {
        Optional<ProblemType> type = typeFor(status);
        if (type.isPresent()) {
            return of(type.get(), detail);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        return problem;
    }

    /** The generic problem type of a status; specific types (e.g. validation) are chosen by their handlers. */
    public static Optional<ProblemType> typeFor(HttpStatusCode status) {
        return Arrays.stream(ProblemType.values())
                .filter(type -> type.status() == status.value())
                .findFirst();
    }
}
