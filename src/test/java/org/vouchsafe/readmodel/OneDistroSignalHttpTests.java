package org.vouchsafe.readmodel;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Filings;
import org.vouchsafe.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** One request, one distro: reviewers see in the request and the dossier when a request seems to speak for more. */
@VouchsafeTest
class OneDistroSignalHttpTests {

    @Autowired
    TestRestTemplate rest;

    private Api api;

    @BeforeEach
    void api() {
        api = new Api(rest);
    }

    @Test
    void shouldShowNoSignalForAnOrdinaryRequest() {
        Api.Response filed = api.post("applicant", "/api/requests", Filings.valid());

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        JsonNode request = api.get("reviewer1", "/api/requests/" + filed.json().path("id").asText()).json();
        assertThat(request.path("signals").isArray()).isTrue();
        assertThat(request.path("signals")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldSignalARequestForTwoDistrosByPeopleOfSeveralOrganisations() {
        // given: two distros in the name, requesters at three unrelated organisations
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> filing = Filings.valid("Foo Linux " + suffix + " and Bar BSD " + suffix);
        List<Map<String, Object>> requesters = (List<Map<String, Object>>) filing.get("requesters");
        requesters.add(withKey(Filings.requester("Bob Foo", "bob@foo-linux.org", "bob"), "Bob Foo", "bob@foo-linux.org"));
        requesters.add(withKey(Filings.requester("Carl Bar", "carl@bar-bsd.net", "bob"), "Carl Bar", "carl@bar-bsd.net"));

        // when
        Api.Response filed = api.post("applicant", "/api/requests", filing);

        // then: the request still files and goes its way; reviewers see why it may speak for more than one distro
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = filed.json().path("id").asText();
        JsonNode signals = api.get("reviewer1", "/api/requests/" + id).json().path("signals");
        assertThat(signals).hasSize(1);
        JsonNode signal = signals.get(0);
        assertThat(signal.path("signal").asText()).isEqualTo("ONE_DISTRO");
        assertThat(signal.path("level").asText()).isEqualTo("CONCERN");
        assertThat(signal.path("reasons").toString()).contains("seems to name 2 distros",
                "at 3 different organisations (example.org, foo-linux.org, bar-bsd.net)", "one request");
        assertThat(api.get("reviewer1", "/requests/" + id).body())
                .contains("id=\"signal-one_distro\"", "One request, one distro?", "seems to name 2 distros");
        // the reviewers' list of requests marks it too (newest first: it is on the first page)
        String list = api.get("reviewer1", "/requests").body();
        String row = list.substring(list.indexOf("/requests/" + id));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("one distro?");
    }

    /** A fresh key whose user id carries the requester's address, as filing requires. */
    private static Map<String, Object> withKey(Map<String, Object> requester, String name, String email) {
        requester.put("publicKey", TestKeys.publicKey(TestKeys.generate(name, email)));
        return requester;
    }

    @Test
    void shouldSignalInTheSelfAssessmentToo() {
        Map<String, Object> draft = Filings.valid("Acme Linux GmbH " + UUID.randomUUID().toString().substring(0, 8));

        Api.Response response = api.post(null, "/api/self-assessment", draft);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("signals").get(0).path("reasons").get(0).asText())
                .contains("reads like an organisation's (\"GmbH\")");
    }
}
