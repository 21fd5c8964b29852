package org.vouchsafe.system.hardening;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vouchsafe.problem.FieldProblem;

/**
 * Refuses, with 400 problem+json, any request to Camunda's REST APIs that carries a query
 * parameter or JSON key whose name ends in "Expression" (any case, at any depth, including
 * inside {@code orQueries} and arrays). Camunda 7 evaluates such JUEL expressions in task and
 * other queries, which lets any authenticated caller run code; 7.24 CE receives no more fixes.
 *
 * <p>To inspect a JSON body the filter reads it whole, up to a cap (413 above it, checked on the
 * declared length before reading), parses it with Jackson's streaming parser (malformed JSON:
 * 400) and hands the cached bytes on so that Camunda can still read them. Form bodies are
 * covered by the parameter check; multipart bodies (deployments, admins only) pass unread.
 */
class ExpressionParameterFilter extends OncePerRequestFilter {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String FORBIDDEN_SUFFIX = "expression";

    private final JsonFactory jsonFactory = new JsonFactory();
    private final ObjectMapper problemWriter = new ObjectMapper();
    private final int maxBodyBytes;

    ExpressionParameterFilter(int maxBodyBytes) {
        if (maxBodyBytes < 1 || maxBodyBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBodyBytes out of range: " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String name : request.getParameterMap().keySet()) {
            if (isExpressionName(name)) {
                refuseExpression(request, response, name);
                return;
            }
        }
        if (!carriesJson(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            refuseTooLarge(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            refuseTooLarge(request, response);
            return;
        }
        Optional<String> offending;
        try {
            offending = findExpressionKey(body);
        } catch (IOException malformed) {
            problem(request, response, HttpStatus.BAD_REQUEST, "The request body is not valid JSON.",
                    List.of(new FieldProblem("body", "Send a well-formed JSON document.")));
            return;
        }
        if (offending.isPresent()) {
            refuseExpression(request, response, offending.get());
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    static boolean isExpressionName(String name) {
        return name.strip().toLowerCase(Locale.ROOT).endsWith(FORBIDDEN_SUFFIX);
    }

    /**
     * Everything except form and multipart bodies is treated as JSON, including a missing or
     * wrong content type: a body that escaped inspection because of its label must not reach a
     * JSON reader further down.
     */
    private static boolean carriesJson(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT).strip();
        return !type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) && !type.startsWith("multipart/");
    }

    /** The path of the first key ending in "expression", or empty; throws on malformed JSON. */
    private Optional<String> findExpressionKey(byte[] body) throws IOException {
        // Byte input lets Jackson detect UTF-8/16/32 itself, as Camunda's own reader does.
        try (JsonParser parser = jsonFactory.createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME && isExpressionName(parser.currentName())) {
                    return Optional.of(pathOf(parser.getParsingContext()));
                }
            }
        }
        return Optional.empty();
    }

    /** A readable path such as {@code orQueries[0].nameExpression}. */
    private static String pathOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.push((c.getParent() != null && !c.getParent().inRoot() ? "." : "") + c.getCurrentName());
            }
        }
        return String.join("", parts);
    }

    private void refuseExpression(HttpServletRequest request, HttpServletResponse response, String field)
            throws IOException {
        problem(request, response, HttpStatus.BAD_REQUEST,
                "Expressions are not accepted in queries; \"" + field + "\" is refused.",
                List.of(new FieldProblem(field, "Parameters ending in 'Expression' are disabled; send a literal value.")));
    }

    private void refuseTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problem(request, response, HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body exceeds " + maxBodyBytes + " bytes.", List.of());
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
            List<FieldProblem> errors) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        body.put("errors", errors);
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        problemWriter.writeValue(response.getOutputStream(), body);
    }

    /** The request with its body replaced by the bytes the filter already read. */
    static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // The body is already in memory; asynchronous reading is not offered.
                    throw new UnsupportedOperationException("the body was read by ExpressionParameterFilter");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
