package org.roundtable.server.web;

import java.io.IOException;

/** Thrown while reading a request body that grows past the configured limit (answered with 413). */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("The request body exceeds " + limit + " bytes");
    }
}
