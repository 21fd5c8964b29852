package org.vouchsafe.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
    private final int port;
    private final String base;

    Http(int port) {
        this.port = port;
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
        /** The body as text, for {@link #sendFrom}: empty for none, null for a body given only as a publisher. */
        private String text = "";

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
            text = json;
            return this;
        }

        Call form(String form) {
            header("Content-Type", "application/x-www-form-urlencoded");
            body = HttpRequest.BodyPublishers.ofString(form);
            text = form;
            return this;
        }

        Call body(String contentType, HttpRequest.BodyPublisher publisher) {
            header("Content-Type", contentType);
            body = publisher;
            text = null;
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

        /**
         * Sends the request from a loopback address of the caller's choice (on Linux every address in
         * 127.0.0.0/8 is the local host), so that the server sees that client address, as it would
         * several clients. A plain socket speaking HTTP/1.0: the JDK's client cannot choose its local
         * address before Java 19, and a 1.0 response is neither chunked nor kept alive.
         */
        Response sendFrom(String loopbackAddress) {
            if (text == null) {
                throw new IllegalStateException("sendFrom supports text bodies only");
            }
            byte[] content = text.getBytes(StandardCharsets.UTF_8);
            headers.putIfAbsent("Accept", "application/json, application/problem+json, text/plain, */*");
            StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.0\r\n")
                    .append("Host: localhost:").append(port).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(loopbackAddress, 0));
                socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(content);
                out.flush();
                try (InputStream in = socket.getInputStream()) {
                    return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " from " + loopbackAddress + " failed", e);
            }
        }
    }

    /** A raw HTTP/1.x response: status line, headers, blank line, body. */
    private static Response parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String[] lines = raw.substring(0, end < 0 ? raw.length() : end).split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, end < 0 ? "" : raw.substring(end + 4));
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
