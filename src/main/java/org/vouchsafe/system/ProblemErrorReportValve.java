package org.vouchsafe.system;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Replaces Tomcat's own error report, which answers for requests Tomcat refuses before the
 * application sees them (an encoded {@code /} or a NUL in the path, a malformed request line):
 * problem details on the API, a plain page in our style elsewhere, instead of Tomcat's default page.
 * Errors the application handles never get here: it writes their body itself.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // The same guards as Tomcat's: only errors, only once, only while the response can be written.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus shown = known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known;
        boolean api = RejectedRequests.isApi(request.getRequestURI());
        try {
            response.setContentType(api ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(api ? RejectedRequests.problemJson(shown, detail(shown)) : page(shown));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the response was committed meanwhile: nothing left to tell.
        }
    }

    private static String detail(HttpStatus status) {
        return status == HttpStatus.BAD_REQUEST ? RejectedRequests.DETAIL
                : "The request could not be handled (" + status.value() + " " + status.getReasonPhrase() + ").";
    }

    /** The shape of templates/error.html, without the template engine this early in the request. */
    private static String page(HttpStatus status) {
        String title = status == HttpStatus.BAD_REQUEST ? "Bad request" : "Something went wrong";
        String text = status == HttpStatus.BAD_REQUEST
                ? "This address is not valid: it contains something that is not accepted, such as an encoded '/'. "
                        + "Check the link you followed."
                : "The page could not be shown (status " + status.value() + "). Please try again; if it keeps "
                        + "happening, tell the list admin the time it happened.";
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
                + "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "  <title>" + title + " — Vouchsafe</title>\n  <link rel=\"stylesheet\" href=\"/css/pages.css\">\n</head>\n"
                + "<body>\n<header class=\"site\"><nav aria-label=\"Main\"><a class=\"brand\" href=\"/\">Vouchsafe</a></nav></header>\n"
                + "<main id=\"main\" class=\"narrow\">\n  <h1>" + title + "</h1>\n  <p>" + text + "</p>\n"
                + "  <p><a href=\"/\">Back to your start page</a></p>\n</main>\n"
                + "<footer class=\"site\"><p>Vouchsafe — membership of the Openwall (linux-)distros lists.</p></footer>\n"
                + "</body>\n</html>\n";
    }
}
