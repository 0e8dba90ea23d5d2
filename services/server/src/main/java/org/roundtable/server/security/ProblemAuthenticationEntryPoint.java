package org.roundtable.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.roundtable.kernel.ProblemType;
import org.roundtable.server.web.ProblemWriter;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Answers 401 as {@code application/problem+json}, keeping the RFC 6750 {@code WWW-Authenticate} header. */
public final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final ProblemWriter writer;

    public ProblemAuthenticationEntryPoint(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        bearer.commence(request, response, failure);
        String detail = failure instanceof OAuth2AuthenticationException
                ? "The bearer token was rejected."
                : "A valid bearer token is required.";
        writer.write(request, response, ProblemType.UNAUTHENTICATED, detail);
    }
}
