package org.vouchsafe.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vouchsafe.VouchsafeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests refused before any controller runs, sent byte for byte over a socket (an HTTP client
 * would normalise {@code //} or refuse to send {@code %00}): a 400 of ours, never a 500 nor
 * Tomcat's own page, and no literal template text on our error pages.
 */
@VouchsafeTest
class ErrorAnswersTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void shouldAnswerPathsTheFirewallRefusesWith400ProblemJsonOnTheApi() throws IOException {
        for (String path : List.of("/api/requests;x=1", "/api//requests", "/api/requests/%2e%2e/x",
                "/engine-rest;x/task", "/engine-rest//task")) {
            for (String user : new String[] {null, "admin"}) {
                Raw response = send("GET", path, "application/json", user);

                assertThat(response.status()).as(path + " " + response).isEqualTo(400);
                assertThat(response.header("content-type")).as(path).startsWith("application/problem+json");
                JsonNode problem = response.json();
                assertThat(problem.path("status").asInt()).isEqualTo(400);
                assertThat(problem.path("title").asText()).isEqualTo("Bad Request");
                assertThat(problem.path("errors").isArray()).isTrue();
                assertThat(response.body()).doesNotContain(";x", "Exception", "Tomcat");
            }
        }
    }

    @Test
    void shouldShowOurBadRequestPageForSuchPathsOutsideTheApi() throws IOException {
        for (String path : List.of("/portal;x=1", "//portal", "/requests/%2e%2e/admin")) {
            Raw response = send("GET", path, "text/html", "applicant");

            assertThat(response.status()).as(path + " " + response).isEqualTo(400);
            assertThat(response.header("content-type")).startsWith("text/html");
            assertThat(response.body()).contains("<title>Bad request — Vouchsafe</title>", "<h1>Bad request</h1>")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void shouldAnswerPathsTomcatRefusesWithOurOwn400InsteadOfTomcatsPage() throws IOException {
        for (String path : List.of("/api/requests/%2f", "/api/requests/a%2Fb/vouches", "/api/requests/%00")) {
            Raw response = send("GET", path, "application/json", "admin");

            assertThat(response.status()).as(path + " " + response).isEqualTo(400);
            assertThat(response.header("content-type")).as(path).startsWith("application/problem+json");
            assertThat(response.json().path("status").asInt()).isEqualTo(400);
            assertThat(response.body()).doesNotContain("Tomcat", "HTTP Status");
        }
        for (String path : List.of("/portal/%2fx", "/%2f", "/requests/%5c")) {
            Raw response = send("GET", path, "text/html", "applicant");

            assertThat(response.status()).as(path + " " + response).isEqualTo(400);
            assertThat(response.header("content-type")).startsWith("text/html");
            assertThat(response.body()).contains("<title>Bad request — Vouchsafe</title>", "<h1>Bad request</h1>")
                    .doesNotContain("Tomcat", "HTTP Status");
        }
    }

    @Test
    void shouldShowTheErrorPageTitleAsTextNotAsTemplate() throws IOException {
        Raw response = send("GET", "/requests/" + UUID.randomUUID(), "text/html", "admin");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("<title>Not found — Vouchsafe</title>", "<h1>Not found</h1>")
                .doesNotContain("th:", "${");
    }

    /** One request over a fresh connection, exactly as written. */
    private Raw send(String method, String path, String accept, String user) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\n"
                    + (user == null ? "" : "Authorization: " + Http.basic(user, Http.PASSWORD) + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return Raw.parse(socket.getInputStream());
        }
    }

    /** Status, headers (names lower case) and the body, de-chunked. */
    private record Raw(int status, Map<String, String> headers, String body) {

        static Raw parse(InputStream in) throws IOException {
            byte[] all = in.readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String[] head = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.putIfAbsent(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
            }
            byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            return new Raw(Integer.parseInt(head[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] dechunk(byte[] chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            while (true) {
                int lineEnd = indexOf(chunked, at);
                int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
                if (size == 0) {
                    return out.toByteArray();
                }
                out.write(chunked, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
        }

        private static int indexOf(byte[] bytes, int from) {
            for (int i = from; i < bytes.length - 1; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    return i;
                }
            }
            throw new IllegalStateException("no CRLF");
        }

        String header(String name) {
            return headers.get(name);
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 300 ? body.substring(0, 300) : body);
        }
    }
}
