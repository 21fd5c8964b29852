package org.vouchsafe.security;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vouchsafe.VouchsafeTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Oversized, malformed and cross-site bodies get a clean problem answer, never a stack trace. */
@VouchsafeTest
class BadInputTests {

    private static final int MIB = 1024 * 1024;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void shouldAnswerMalformedJsonWith400ProblemJson() {
        Http.Response response = http.call("POST", "/api/requests").as("applicant").json("{\"list\": \"linux-distros\",").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("title").asText()).isEqualTo("Malformed JSON");
        assertThat(response.json().path("errors").isArray()).isTrue();
        assertNoInternals(response);
    }

    @Test
    void shouldRefuseAnOversizedJsonBodyWith413BeforeParsingOrSigningIn() {
        String huge = "{\"list\":\"" + "x".repeat(MIB + 100) + "\"}";

        Http.Response signedIn = http.call("POST", "/api/requests").as("applicant").json(huge).send();
        Http.Response anonymous = http.call("POST", "/api/requests").json(huge).send();

        assertThat(signedIn.status()).isEqualTo(413);
        assertThat(signedIn.header("Content-Type")).startsWith("application/problem+json");
        assertThat(signedIn.json().path("status").asInt()).isEqualTo(413);
        assertThat(anonymous.status()).as("refused before authentication").isEqualTo(413);
    }

    @Test
    void shouldRefuseAnOversizedChunkedBodyWith413() {
        byte[] huge = new byte[MIB + 100];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';

        // A stream of unknown length is sent chunked, without Content-Length.
        Http.Response response = http.call("POST", "/api/requests").as("applicant")
                .body("application/json", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .send();

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertNoInternals(response);
    }

    @Test
    void shouldRefuseAnOversizedChunkedBodyWith413WhereverTheLimitFalls() {
        // The limit falls inside a string value, where Jackson wraps the limit's exception in its own.
        byte[] huge = ("{\"list\":\"" + "x".repeat(MIB + 100) + "\"}").getBytes(StandardCharsets.US_ASCII);

        Http.Response signedIn = http.call("POST", "/api/requests").as("applicant")
                .body("application/json", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .send();
        Http.Response anonymous = http.call("POST", "/api/self-assessment")
                .body("application/json", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .send();

        for (Http.Response response : List.of(signedIn, anonymous)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(413);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().path("title").asText()).isEqualTo("Payload too large");
            assertNoInternals(response);
        }
    }

    @Test
    void shouldRefuseAnUploadDeclaredOverTenMegabytesWithoutReadingIt() throws Exception {
        // Only the headers are sent: the answer must come from the declared length alone.
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/requests/00000000-0000-0000-0000-000000000000/track-record HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: " + Http.basic("applicant", Http.PASSWORD) + "\r\n"
                    + "Content-Type: text/csv\r\nContent-Length: 11000000\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);

            assertThat(statusLine).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void shouldRefuseACrossSitePostEvenWithValidCredentials() {
        Http.Response response = http.call("POST", "/api/requests").as("applicant")
                .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site")
                .json(Http.json(org.vouchsafe.support.Filings.valid())).send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void shouldShowNoInternalsOnErrorPagesOutsideTheApi() {
        Http.Response page = http.call("GET", "/no-such-page").as("admin").header("Accept", "text/html").send();
        Http.Response json = http.call("GET", "/no-such-page").as("admin").header("Accept", "application/json").send();
        Http.Response wrongMethod = http.call("DELETE", "/login").as("admin").header("Accept", "text/html").send();

        assertThat(page.status()).isEqualTo(404);
        assertNoInternals(page);
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.json().has("trace")).isFalse();
        assertThat(json.json().has("exception")).isFalse();
        assertThat(json.json().has("message")).isFalse();
        assertNoInternals(wrongMethod);
    }

    @Test
    void shouldShowNoInternalsForApiRoutesThatDoNotExist() {
        Http.Response response = http.call("GET", "/api/no-such-thing").as("admin").send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertNoInternals(response);
    }

    private static void assertNoInternals(Http.Response response) {
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at org.")
                .doesNotContain("jackson").doesNotContain("springframework");
    }
}
