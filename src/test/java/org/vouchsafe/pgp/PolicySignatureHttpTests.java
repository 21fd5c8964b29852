package org.vouchsafe.pgp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Filings;
import org.vouchsafe.support.Pgp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Criterion 6 over HTTP: the requester signs the served statement (the policy itself under a short
 * header) with their key, the applicant submits the signature, and the criterion passes naming the
 * hash of what was signed, which whoever may read the request can fetch back; a signature over
 * anything else, the old paraphrase included, is refused with the reason named. Also the list key,
 * served to anyone signed in.
 */
@VouchsafeTest
class PolicySignatureHttpTests {

    static final String ANN = "AED577C62FD06429372B954DDAF6ED6C7C8D0D21";

    @Autowired
    TestRestTemplate rest;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void shouldPassCriterion6WhenTheRequesterSignsTheStatement() {
        String id = file();
        assertThat(criterion6(id).path("outcome").asText()).isEqualTo("PENDING");
        assertThat(criterion6(id).path("reasons").get(0).asText()).contains("Ann Example <ann@example.org>");
        Api.Response statement = api.get("applicant", "/api/catalogue/policy/statement?request=" + id + "&requester=" + ANN);
        assertThat(statement.status()).as(statement.toString()).isEqualTo(200);
        assertThat(statement.body()).contains("Request: " + id, "Key fingerprint: " + ANN, "Policy version: 2017-06-28");

        Api.Response signed = api.post("applicant", "/api/requests/" + id + "/policy-signatures",
                Map.of("fingerprint", ANN, "signature", Pgp.detachSign("ann", statement.body())));

        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        assertThat(signed.json().path("policyVersion").asText()).isEqualTo("2017-06-28");
        assertThat(signed.json().path("check").path("outcome").asText()).isEqualTo("PASS");
        assertThat(criterion6(id).path("outcome").asText()).isEqualTo("PASS");
        assertThat(api.get("admin", "/api/audit?request=" + id).body()).contains("POLICY_SIGNED");
    }

    @Test
    void shouldServeAStatementThatIsAHeaderAndThePolicyTextVerbatim() {
        String id = file();
        String policy = api.get("applicant", "/api/catalogue/policy").json().path("text").asText();
        JsonNode request = api.get("applicant", "/api/requests/" + id).json();

        String statement = api.get("applicant", "/api/catalogue/policy/statement?request=" + id + "&requester=" + ANN)
                .body();

        assertThat(statement).isEqualTo("Vouchsafe: acceptance of the (linux-)distros list policy\n"
                + "List: linux-distros\n"
                + "Request: " + id + "\n"
                + "Distro: " + request.path("distro").path("name").asText() + "\n"
                + "Person: Ann Example <ann@example.org>\n"
                + "Key fingerprint: " + ANN + "\n"
                + "Policy version: 2017-06-28\n"
                + "Date: " + LocalDate.ofInstant(Instant.parse(request.path("filedAt").asText()), ZoneOffset.UTC) + "\n"
                + "By signing this text I accept the list policy below, in full and as published, on behalf of the "
                + "distro above.\n"
                + "\n"
                + policy);
        assertThat(policy).contains("nor\neven hinted at", "TLP:AMBER", "rest\nof your organization");
    }

    @Test
    void shouldKeepWhatWasSignedWithItsHashForWhoeverMayReadTheRequest() throws Exception {
        String id = file();
        String statement = api.get("applicant", "/api/catalogue/policy/statement?request=" + id + "&requester=" + ANN).body();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(statement.getBytes(StandardCharsets.UTF_8)));
        String path = "/api/requests/" + id + "/policy-signatures/" + ANN;
        assertThat(api.get("reviewer1", path).status()).as("nothing signed yet").isEqualTo(404);

        Api.Response signed = api.post("applicant", "/api/requests/" + id + "/policy-signatures",
                Map.of("fingerprint", ANN, "signature", Pgp.detachSign("ann", statement)));

        assertThat(signed.json().path("sha256").asText()).isEqualTo(sha256);
        assertThat(criterion6(id).path("reasons").get(0).asText()).contains("policy version 2017-06-28", sha256);
        Api.Response kept = api.get("reviewer1", path);
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(kept.json().path("signedText").asText()).isEqualTo(statement);
        assertThat(kept.json().path("sha256").asText()).isEqualTo(sha256);
        assertThat(kept.json().path("policyVersion").asText()).isEqualTo("2017-06-28");
        assertThat(kept.json().path("signature").asText()).startsWith("-----BEGIN PGP SIGNATURE-----");
        assertThat(plainText("applicant", path)).isEqualTo(statement);
        // the dossier links to the text that was signed, served on the pages' chain
        String link = "/requests/" + id + "/policy-signatures/" + ANN;
        assertThat(api.get("reviewer1", "/requests/" + id).body()).contains("href=\"" + link + "\"", sha256);
        assertThat(api.get("reviewer1", link).body()).isEqualTo(statement);
    }

    @Test
    void shouldRefuseASignatureOverTheOldParaphraseSayingTheStatementChanged() {
        String id = file();
        String statement = api.get("applicant", "/api/catalogue/policy/statement?request=" + id + "&requester=" + ANN).body();
        String[] header = statement.split("\n\n", 2)[0].split("\n");
        String paraphrase = "Vouchsafe: acceptance of the (linux-)distros list policy\n\n"
                + "Policy version: 2017-06-28\n" + header[3] + "\n" + header[2] + "\n" + header[4] + "\n" + header[5]
                + "\n" + header[7] + "\n\n"
                + "I accept version 2017-06-28 of the list policy on behalf of " + header[3].substring(8) + ".\n"
                + "Information from the lists stays within the need-to-know of our security team until\n"
                + "the agreed disclosure date, the reporter's approval or substantially complete\n"
                + "publication, and is used only to fix our distro for its users. Should any of it\n"
                + "leak through us, we tell the reporter and the list at once, investigate, and report\n"
                + "the extent of the leak and the measures taken.\n";

        Api.Response refused = api.post("applicant", "/api/requests/" + id + "/policy-signatures",
                Map.of("fingerprint", ANN, "signature", Pgp.detachSign("ann", paraphrase)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("signature");
        assertThat(refused.json().path("errors").get(0).path("message").asText()).startsWith("TEXT_ALTERED")
                .contains("earlier statement (which summarised the policy)",
                        "GET /api/catalogue/policy/statement?request=" + id + "&requester=" + ANN);
        assertThat(criterion6(id).path("outcome").asText()).isEqualTo("PENDING");
    }

    @Test
    void shouldRefuseASignatureOverAnotherTextNamingTheReason() {
        String id = file();
        String statement = api.get("applicant", "/api/catalogue/policy/statement?request=" + id + "&requester=" + ANN).body();

        Api.Response refused = api.post("applicant", "/api/requests/" + id + "/policy-signatures",
                Map.of("fingerprint", ANN, "signature", Pgp.detachSign("ann", statement.replace("accept", "reject"))));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("signature");
        assertThat(refused.json().path("errors").get(0).path("message").asText()).startsWith("TEXT_ALTERED");
        assertThat(criterion6(id).path("outcome").asText()).isEqualTo("PENDING");
    }

    @Test
    void shouldRefuseASignatureByAnotherKey() {
        String id = file();
        String statement = api.get("applicant", "/api/catalogue/policy/statement?request=" + id + "&requester=" + ANN).body();

        Api.Response refused = api.post("applicant", "/api/requests/" + id + "/policy-signatures",
                Map.of("fingerprint", ANN, "signature", Pgp.detachSign("bob", statement)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("message").asText()).startsWith("WRONG_KEY");
    }

    @Test
    void shouldServeTheListKeyToAnyoneSignedIn() {
        Api.Response key = api.get("reviewer3", "/api/catalogue/list-key");

        assertThat(key.status()).isEqualTo(200);
        assertThat(key.body()).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
        assertThat(api.get(null, "/api/catalogue/list-key").status()).isEqualTo(401);
    }

    private String plainText(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setAccept(List.of(MediaType.TEXT_PLAIN));
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();
    }

    private String file() {
        Api.Response filed = api.post("applicant", "/api/requests", Filings.valid());
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.json().path("id").asText();
    }

    private JsonNode criterion6(String id) {
        return api.get("applicant", "/api/requests/" + id).json().path("criteria").get(5).path("check");
    }
}
