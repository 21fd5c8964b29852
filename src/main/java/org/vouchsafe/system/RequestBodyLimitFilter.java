package org.vouchsafe.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vouchsafe.problem.PayloadTooLargeException;

/**
 * Refuses {@code /api} bodies above a limit with 413 before anything parses them: 1 MiB by
 * default, 10 MB for the evidence upload. A declared {@code Content-Length} is checked before a
 * byte is read; a body without one (chunked) is counted while it is read, and the read that
 * crosses the limit throws {@link PayloadTooLargeException}, which the API answers with 413.
 * The filter runs before Spring Security so that a huge body costs no password check either.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    static final RequestMatcher UPLOAD = SecurityConfig.ant(HttpMethod.POST, "/api/requests/*/track-record");

    private final long maxJson;
    private final long maxUpload;

    RequestBodyLimitFilter(long maxJson, long maxUpload) {
        this.maxJson = maxJson;
        this.maxUpload = maxUpload;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = UPLOAD.matches(request) ? maxUpload : maxJson;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, limit);
            return;
        }
        chain.doFilter(declared < 0 ? new CountingRequest(request, limit) : request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Payload too large\",\"status\":413,"
                + "\"detail\":\"" + tooLarge(limit) + "\",\"instance\":\""
                + request.getRequestURI().replaceAll("[^A-Za-z0-9/._~-]", "") + "\",\"errors\":[]}");
    }

    static String tooLarge(long limit) {
        return "The request body exceeds " + limit + " bytes.";
    }

    /** A request whose body stream fails once more than {@code limit} bytes have been read. */
    static final class CountingRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        CountingRequest(HttpServletRequest request, long limit) {
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

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) {
            count += n;
            if (count > limit) {
                // A runtime exception passes through Jackson and Spring's converters unchanged and
                // reaches ApiExceptionHandler as 413; an IOException would be reported as a bad body (400).
                throw new PayloadTooLargeException(tooLarge(limit));
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
