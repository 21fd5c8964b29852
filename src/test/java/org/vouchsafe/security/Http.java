package org.vouchsafe.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain HTTP client for security tests: it never follows redirects and keeps no cookies, so
 * every status and header is exactly what the server sent (TestRestTemplate follows GET
 * redirects, which would hide a redirect to the login page).
 */
final class Http {

    static final String PASSWORD = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;

    Http(int port) {
        this.base = "http://localhost:" + port;
    }

    String base() {
        return base;
    }

    Call call(String method, String path) {
        return new Call(method, path);
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** One request under construction. */
    final class Call {

        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Call as(String user) {
            return user == null ? this : as(user, PASSWORD);
        }

        Call as(String user, String password) {
            return header("Authorization", basic(user, password));
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call json(String json) {
            header("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString(json);
            return this;
        }

        Call form(String form) {
            header("Content-Type", "application/x-www-form-urlencoded");
            body = HttpRequest.BodyPublishers.ofString(form);
            return this;
        }

        Call body(String contentType, HttpRequest.BodyPublisher publisher) {
            header("Content-Type", contentType);
            body = publisher;
            return this;
        }

        Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body);
            headers.putIfAbsent("Accept", "application/json, application/problem+json, text/plain, */*");
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Status, headers (names lower case) and body of a response. */
    record Response(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }

        List<String> headers(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        /** The value of a cookie set by this response, or null. */
        String cookie(String name) {
            for (String setCookie : headers("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    return pair.substring(eq + 1).trim();
                }
            }
            return null;
        }

        /** The full Set-Cookie line of a cookie, for its attributes. */
        String setCookie(String name) {
            return headers("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + (body == null ? "" : body.length() > 500 ? body.substring(0, 500) + "…" : body);
        }
    }
}
