package org.roundtable.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.roundtable.kernel.ProblemType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies over the limit: at once when {@code Content-Length} says so, and while
 * reading when the body is chunked, by counting what is read.
 */
final class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final ProblemWriter writer;
    private final String uploadPath;

    /** @param uploadPath a path whose handler bounds its own (large) upload, or null */
    RequestSizeLimitFilter(long limit, ProblemWriter writer, String uploadPath) {
        this.limit = limit;
        this.writer = writer;
        this.uploadPath = uploadPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return uploadPath != null && uploadPath.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            writer.write(request, response, ProblemType.PAYLOAD_TOO_LARGE, tooLarge());
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, limit), response);
        } catch (PayloadTooLargeException tooLarge) {
            writer.write(request, response, ProblemType.PAYLOAD_TOO_LARGE, tooLarge());
        }
    }

    private String tooLarge() {
        return "The request body is larger than " + limit + " bytes.";
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingInputStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        CountingInputStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int value = delegate.read();
            if (value >= 0) {
                count(1);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = delegate.read(buffer, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        private void count(long read) throws PayloadTooLargeException {
            count += read;
            if (count > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
