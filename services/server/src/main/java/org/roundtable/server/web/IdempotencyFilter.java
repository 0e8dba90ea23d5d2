package org.roundtable.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.roundtable.kernel.Caller;
import org.roundtable.kernel.ProblemType;
import org.roundtable.server.security.Callers;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for {@code POST /api/**}: the first successful answer to a key is stored
 * per tenant and replayed to every retry, which then dispatches nothing. The same key with another
 * request is refused (422); a retry while the first is still running is refused (409). Runs after
 * authentication, because the key belongs to the caller's tenant.
 */
public final class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final List<String> STORED_HEADERS =
            List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_TYPE);

    private final IdempotencyStore store;
    private final ProblemWriter writer;

    public IdempotencyFilter(IdempotencyStore store, ProblemWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            writer.write(request, response, ProblemType.BAD_REQUEST,
                    "An Idempotency-Key is 1 to 255 visible ASCII characters.");
            return;
        }
        Optional<Caller> caller = Callers.current();
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String tenant = caller.get().tenant();
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (PayloadTooLargeException tooLarge) {
            writer.write(request, response, ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large.");
            return;
        }
        IdempotencyStore.Claim claim = store.claim(tenant, key, fingerprint(request, body));
        if (claim instanceof IdempotencyStore.Mismatch) {
            writer.write(request, response, ProblemType.RULE_VIOLATION,
                    "This Idempotency-Key was already used for a different request.");
        } else if (claim instanceof IdempotencyStore.InFlight) {
            writer.write(request, response, ProblemType.CONFLICT,
                    "A request with this Idempotency-Key is still being processed.");
        } else if (claim instanceof IdempotencyStore.Replay replay) {
            replay(replay.response(), response);
        } else {
            runAndRecord(request, response, chain, tenant, key, body);
        }
    }

    private void runAndRecord(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                              String tenant, String key, byte[] body) throws ServletException, IOException {
        ContentCachingResponseWrapper recorder = new ContentCachingResponseWrapper(response);
        boolean recorded = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorder);
            int status = recorder.getStatus();
            if (status >= 200 && status < 300) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (String name : STORED_HEADERS) {
                    String value = name.equals(HttpHeaders.CONTENT_TYPE) ? recorder.getContentType() : recorder.getHeader(name);
                    if (value != null) {
                        headers.put(name, value);
                    }
                }
                store.complete(tenant, key, new IdempotencyStore.StoredResponse(status, headers,
                        recorder.getContentAsByteArray()));
                recorded = true;
            }
        } finally {
            if (!recorded) {
                store.release(tenant, key);
            }
            recorder.copyBodyToResponse();
        }
    }

    private static void replay(IdempotencyStore.StoredResponse stored, HttpServletResponse response)
            throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach((name, value) -> {
            if (name.equals(HttpHeaders.CONTENT_TYPE)) {
                response.setContentType(value);
            } else {
                response.setHeader(name, value);
            }
        });
        response.setHeader(REPLAYED_HEADER, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String query = request.getQueryString() == null ? "" : request.getQueryString();
            digest.update((request.getMethod() + ' ' + request.getRequestURI() + '?' + query + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
