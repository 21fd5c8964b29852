package org.vouchsafe.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The answer to a request the firewall refuses (a {@code ;}, {@code //}, {@code ..}, an encoded
 * {@code %} or {@code .} in the path, a control character in a header...): 400, as RFC 9457
 * problem details on the API, as the error page elsewhere. Never a 500, and never the offending
 * text echoed back.
 */
class RejectedRequests implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    /** {@code /api} and {@code /engine-rest}, tolerating the doubled slashes and path parameters being refused. */
    private static final Pattern API = Pattern.compile("^/+(api|engine-rest)(/.*|;.*)?$");

    static final String DETAIL = "The request's address or headers contain something that is not accepted, such as "
            + "';', '//', '..', an encoded '/', '%' or '.', or a control character. Send the plain address.";

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        // The reason names the offending text; it goes to the log at DEBUG, not to the caller.
        log.debug("Rejected {} request: {}", request.getMethod(), rejected.getMessage());
        if (response.isCommitted()) {
            return;
        }
        if (isApi(request.getRequestURI())) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(problemJson(HttpStatus.BAD_REQUEST, DETAIL));
        } else {
            // The error page (templates/error.html) through the servlet container's error dispatch.
            response.sendError(HttpStatus.BAD_REQUEST.value());
        }
    }

    static boolean isApi(String rawUri) {
        return rawUri != null && API.matcher(rawUri).matches();
    }

    /** A problem answer without an instance: the address is what was wrong, so it is not repeated. */
    static String problemJson(HttpStatus status, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"errors\":[]}";
    }
}
