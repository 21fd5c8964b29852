package org.vouchsafe.intake;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Filings;
import org.vouchsafe.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** Requesters' keys at filing: unhealthy ones are refused with each problem named, healthy ones leave their fingerprint. */
@VouchsafeTest
class FilingKeyHttpTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void shouldStoreTheRequestersFullFingerprint() {
        Map<String, Object> filing = Filings.valid();

        Api.Response filed = api.post("applicant", "/api/requests", filing);

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select fingerprint from requester where request_id = ?", String.class,
                filed.json().path("id").asText())).isEqualTo("AED577C62FD06429372B954DDAF6ED6C7C8D0D21");
    }

    @Test
    void shouldRefuseAKeyWithoutTheRequestersAddressNamingTheField() {
        Map<String, Object> filing = Filings.valid();
        requesters(filing).add(Filings.requester("Bob Example", "bob@elsewhere.example", "bob"));

        Api.Response refused = api.post("applicant", "/api/requests", filing);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("requesters[1].publicKey");
        assertThat(refused.json().path("errors").get(0).path("message").asText())
                .contains("carries the address bob@elsewhere.example");
        assertNotStored(filing);
    }

    @Test
    void shouldRefuseSecretKeyMaterialWithoutStoringOrEchoingIt() {
        Map<String, Object> filing = Filings.valid();
        String secret = Fixtures.text("fixtures/ann.sec.asc");
        requesters(filing).get(0).put("publicKey", secret);

        Api.Response refused = api.post("applicant", "/api/requests", filing);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("requesters[0].publicKey");
        assertThat(refused.json().path("errors").get(0).path("message").asText()).contains("SECRET key material");
        assertThat(refused.body()).doesNotContain(secret.lines().skip(2).findFirst().orElseThrow());
        assertNotStored(filing);
    }

    @Test
    void shouldRefuseAKeyBlockOver64KibAs413() {
        Map<String, Object> filing = Filings.valid();
        requesters(filing).get(0).put("publicKey", "x".repeat(64 * 1024 + 1));

        Api.Response refused = api.post("applicant", "/api/requests", filing);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.json().path("detail").asText()).contains("requesters[0].publicKey");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> requesters(Map<String, Object> filing) {
        return (List<Map<String, Object>>) filing.get("requesters");
    }

    private void assertNotStored(Map<String, Object> filing) {
        assertThat(jdbc.queryForObject("select count(*) from membership_request where distro_name = ?", Integer.class,
                Filings.distro(filing).get("name"))).isZero();
    }
}
