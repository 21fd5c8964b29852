package org.vouchsafe.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.bcpg.ArmoredInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Filings;
import org.vouchsafe.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secret key sent where a public key belongs is refused and never shown again: not in the
 * re-rendered filing form (pasted or uploaded), not in an API error.
 */
@VouchsafeTest
class SecretKeyEchoTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern KEY_FIELD = Pattern.compile(
            "<textarea[^>]*id=\"requesters-0-publicKey\"[^>]*>([^<]*)</textarea>");
    private static final String SECRET = Fixtures.text("fixtures/ann.sec.asc");

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void shouldEmptyThePastedKeyFieldAndSayWhyWhenThePortalRefusesASecretKey() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("requesters[0].name", "Ann Example");
        fields.put("requesters[0].email", "ann@example.org");
        fields.put("requesters[0].publicKey", SECRET);

        for (String action : List.of("check", "file", "addRequester")) {
            Http.Response page = postForm(fields, action, null);

            assertThat(page.status()).as(action).isEqualTo(200);
            assertNoSecret(page);
            assertThat(keyField(page)).as(action).isEmpty();
            assertThat(page.body()).contains("This was SECRET key material: it was discarded, not stored, and is not shown again.");
        }
    }

    @Test
    void shouldNotPutAnUploadedSecretKeyIntoThePageArmoredOrBinary() throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("requesters[0].name", "Ann Example");
        fields.put("requesters[0].email", "ann@example.org");

        Http.Response armored = postForm(fields, "check", SECRET.getBytes(StandardCharsets.US_ASCII));
        Http.Response binary = postForm(fields, "check", dearmored(SECRET));

        assertThat(armored.status()).isEqualTo(200);
        assertNoSecret(armored);
        assertThat(keyField(armored)).isEmpty();
        assertThat(armored.body()).contains("This was SECRET key material");
        assertThat(binary.status()).isEqualTo(200);
        assertThat(keyField(binary)).isEmpty();
        assertThat(binary.body()).contains("The uploaded file is not an ASCII-armored key");
    }

    @Test
    void shouldNotEchoASecretKeyInApiErrors() {
        Map<String, Object> filing = Filings.valid();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> requesters = (List<Map<String, Object>>) filing.get("requesters");
        requesters.get(0).put("publicKey", SECRET);
        Map<String, Object> vouch = new LinkedHashMap<>();
        vouch.put("voucher", Map.of("name", "Val Voucher", "email", "val@other.example", "publicKey", SECRET));
        vouch.put("requester", "ann@example.org");
        vouch.put("strength", "KNOWS_WORK");
        vouch.put("statement", "Vouchsafe: vouch for a requester\n");
        vouch.put("signature", "-----BEGIN PGP SIGNATURE-----\n\nAAAA\n-----END PGP SIGNATURE-----\n");

        Http.Response filed = http.call("POST", "/api/requests").as("applicant").json(Http.json(filing)).send();
        Http.Response vouched = http.call("POST", "/api/requests/" + UUID.randomUUID() + "/vouches")
                .json(Http.json(vouch)).send();

        assertThat(filed.status()).isEqualTo(400);
        assertThat(filed.body()).contains("SECRET key material");
        assertNoSecret(filed);
        assertThat(vouched.status()).isEqualTo(400);
        assertThat(vouched.body()).contains("SECRET key material");
        assertNoSecret(vouched);
    }

    /** The filing form as the browser sends it (multipart), signed in as the applicant, with the form's CSRF token. */
    private Http.Response postForm(Map<String, String> fields, String action, byte[] keyFile) {
        Http.Response form = http.call("GET", "/portal/new").as("applicant").header("Accept", "text/html").send();
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        Matcher token = CSRF.matcher(form.body());
        assertThat(token.find()).isTrue();
        String boundary = "----vouchsafe" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token.group(1));
        all.put("action", action);
        all.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n"));
        if (keyFile != null) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"requesters[0].keyFile\"; "
                    + "filename=\"ann.asc\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(keyFile);
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return http.call("POST", "/portal/new").as("applicant").header("Accept", "text/html")
                .header("Cookie", "JSESSIONID=" + form.cookie("JSESSIONID"))
                .body("multipart/form-data; boundary=" + boundary, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .send();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String keyField(Http.Response page) {
        Matcher field = KEY_FIELD.matcher(page.body());
        assertThat(field.find()).as("the key field of the first person").isTrue();
        return field.group(1).trim();
    }

    /** Neither the armor header nor any line of the key's base64 body appears. */
    private static void assertNoSecret(Http.Response response) {
        assertThat(response.body()).doesNotContain("PRIVATE KEY BLOCK");
        SECRET.lines().filter(line -> line.length() >= 40 && !line.startsWith("-----")).forEach(line ->
                assertThat(response.body()).as("a line of the secret key").doesNotContain(line));
    }

    private static byte[] dearmored(String armored) throws IOException {
        try (ArmoredInputStream in = new ArmoredInputStream(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))) {
            return in.readAllBytes();
        }
    }
}
