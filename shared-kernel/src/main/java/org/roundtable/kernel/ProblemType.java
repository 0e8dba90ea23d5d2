package org.roundtable.kernel;

import java.net.URI;

/** The kinds of error the API answers with, as RFC 9457 problem types. */
public enum ProblemType {
    BAD_REQUEST(400, "Bad request"),
    VALIDATION(400, "Invalid request"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed"),
    NOT_FOUND(404, "Not found"),
    CONFLICT(409, "Conflict"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "Request too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    RULE_VIOLATION(422, "Rule violated"),
    PRECONDITION_REQUIRED(428, "Precondition required");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create("urn:roundtable:problem:" + name().toLowerCase().replace('_', '-'));
    }
}
