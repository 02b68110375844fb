package dev.leadport.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request body past its endpoint's limit with 413 problem+json before anything parses it: by its
 * Content-Length when it has one, else by counting the bytes as they are read (a chunked body). Without it a 100 MB
 * text field was read whole into memory before its length rule could refuse it. Multipart uploads are bounded by the
 * upload limit instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final RequestLimitProperties limits;
    private final JsonMapper json;

    RequestBodyLimitFilter(RequestLimitProperties limits, JsonMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        long limit = limitFor(
                request.getRequestURI().substring(request.getContextPath().length()), contentType);
        if (request.getContentLengthLong() > limit) {
            refuse(response, limit);
            return;
        }
        chain.doFilter(new Bounded(request, limit), response);
    }

    private long limitFor(String path, String contentType) {
        if (contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            return limits.maxFormBody().toBytes();
        }
        return path.startsWith("/api/leads/bulk/")
                ? limits.maxBulkBody().toBytes()
                : limits.maxJsonBody().toBytes();
    }

    private void refuse(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // The body is left unread: the connection is closed rather than drained.
        response.setHeader("Connection", "close");
        json.writeValue(
                response.getOutputStream(), ProblemHandler.asMap(HttpStatus.CONTENT_TOO_LARGE, TITLE, detail(limit)));
    }

    static final String TITLE = "Request too large";

    static String detail(long limit) {
        return "The request body is larger than this endpoint's limit of " + describe(limit) + ".";
    }

    private static String describe(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
                ? bytes / (1024 * 1024) + " MB"
                : bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    /** Counts what the application reads and fails once the body passes its limit. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
