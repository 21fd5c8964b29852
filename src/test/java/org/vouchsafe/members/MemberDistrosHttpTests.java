package org.vouchsafe.members;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditEvent;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.pgp.PgpProperties;
import org.vouchsafe.support.Api;
import org.vouchsafe.vouching.TestVouchers.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.members.MembersTestSupport.PASSWORD;
import static org.vouchsafe.members.MembersTestSupport.person;

/**
 * A member distro's own view and its contributions: its people read it and record what they did
 * (references only), the list admins read every distro, other members and applicants nothing.
 */
@VouchsafeTest
class MemberDistrosHttpTests {

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired PgpProperties pgp;
    @Autowired AuditLog audit;

    Api api;
    @Autowired MembersTestSupport members;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void shouldRecordAContributionAndListItForTheDistro() {
        // given a member who set their password
        Person ann = person("Ann Member", "ann");
        Person bob = person("Bob Member", "bob");
        MembersTestSupport.Admitted distro = members.admit(List.of(ann, bob), "A1", "A8");
        String ann1 = activate(ann);

        // when they record a contribution
        Api.Response created = as(ann1, HttpMethod.POST, "/api/members/" + distro.distroId() + "/contributions",
                Map.of("role", "A8", "date", "2026-10-02",
                        "reference", "https://www.openwall.com/lists/oss-security/2026/10/02/1",
                        "summary", "Reminded the reporter that the disclosure date had come."));

        // then it is stored and listed with the distro's people and roles
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode view = as(ann1, HttpMethod.GET, "/api/members/" + distro.distroId(), null).json();
        assertThat(view.path("distroId").asText()).isEqualTo(distro.distroId());
        assertThat(view.path("people").findValuesAsText("email")).containsExactlyInAnyOrder(ann.email(), bob.email());
        assertThat(view.path("roles").findValuesAsText("role")).containsExactly("A1", "A8");
        assertThat(view.path("contributions").get(0).path("reference").asText())
                .isEqualTo("https://www.openwall.com/lists/oss-security/2026/10/02/1");
        assertThat(view.path("contributions").get(0).path("recordedBy").asText()).isEqualTo(ann1);
        assertThat(view.path("accountability").isArray()).isTrue();
        assertThat(api.get("admin", "/api/members/" + distro.distroId()).json().path("contributions").size()).isOne();
        assertThat(audit.eventsOf(distro.requestId())).extracting(AuditEvent::action).contains(AuditAction.CONTRIBUTION_RECORDED);
    }

    @Test
    void shouldNameEachBadFieldAndStoreNothing() {
        Person ann = person("Ann Member", "ann");
        MembersTestSupport.Admitted distro = members.admit(List.of(ann), "A1");
        String username = activate(ann);
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();

        Api.Response bad = as(username, HttpMethod.POST, "/api/members/" + distro.distroId() + "/contributions",
                Map.of("role", "A99", "date", tomorrow, "reference", "see the embargoed report text here",
                        "summary", "x".repeat(281)));
        Api.Response tooLong = as(username, HttpMethod.POST, "/api/members/" + distro.distroId() + "/contributions",
                Map.of("role", "OTHER", "date", "2026-01-05", "reference", "https://example.org/" + "a".repeat(300),
                        "summary", "Ran the list's key-signing party."));

        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("role", "date", "reference", "summary");
        assertThat(bad.body()).contains("no embargoed content is stored");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorFields()).containsExactly("reference");
        assertThat(api.get("admin", "/api/members/" + distro.distroId()).json().path("contributions").size()).isZero();
    }

    @Test
    void shouldKeepEachDistroToItsOwnPeople() {
        // given two member distros, each with an active member
        Person ann = person("Ann Member", "ann");
        Person oz = person("Oz Other", "oz");
        MembersTestSupport.Admitted mine = members.admit(List.of(ann), "A1");
        MembersTestSupport.Admitted other = members.admit(List.of(oz), "A1");
        String username = activate(ann);
        Map<String, Object> body = Map.of("role", "A1", "date", "2026-01-05", "reference", "<20260105.abc@example.org>",
                "summary", "Proposed a mitigation.");

        // then a member reads and records only for their own distro, an applicant and a reviewer for none
        assertThat(as(username, HttpMethod.GET, "/api/members/" + other.distroId(), null).status()).isEqualTo(403);
        assertThat(as(username, HttpMethod.GET, "/api/members/unknown-distro", null).status()).isEqualTo(403);
        assertThat(as(username, HttpMethod.POST, "/api/members/" + other.distroId() + "/contributions", body).status())
                .isEqualTo(403);
        assertThat(api.post("applicant", "/api/members/" + mine.distroId() + "/contributions", body).status()).isEqualTo(403);
        assertThat(api.get("applicant", "/api/members/" + mine.distroId()).status()).isEqualTo(403);
        assertThat(api.get("reviewer1", "/api/members/" + mine.distroId()).status()).isEqualTo(403);
        assertThat(api.post("admin", "/api/members/" + mine.distroId() + "/contributions", body).status()).isEqualTo(403);
        assertThat(as(username, HttpMethod.POST, "/api/members/" + mine.distroId() + "/contributions", body).status())
                .isEqualTo(201);
    }

    @Test
    void shouldShowTheMemberTheirDistroOnTheirPage() {
        Person ann = person("Ann Member", "ann");
        MembersTestSupport.Admitted distro = members.admit(List.of(ann), "A12");
        String username = activate(ann);
        try {
            Api.Response page = api.exchange(username, PASSWORD, HttpMethod.GET, "/member", null, MediaType.TEXT_HTML);

            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.body()).contains(distro.members().get(0).getDistro(), ann.fingerprint(), "A12",
                    "no embargoed content is stored here", "id=\"key-status\">OK<");
            assertThat(api.exchange("applicant", "demo", HttpMethod.GET, "/member", null, MediaType.TEXT_HTML).status())
                    .isEqualTo(403);
        } finally {
            // A12 put them in the reviewer pool; later tests in this context count reviewers.
            api.exchange("admin", HttpMethod.DELETE, "/api/reviewers/" + username, null, MediaType.APPLICATION_JSON);
        }
    }

    private String activate(Person person) {
        String token = members.tokenOf(person);
        Api.Response set = api.post(null, "/api/invitations/" + token, Map.of("password", PASSWORD));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        return set.json().path("username").asText();
    }

    private Api.Response as(String username, HttpMethod method, String path, Object body) {
        return api.exchange(username, PASSWORD, method, path, body, MediaType.APPLICATION_JSON);
    }
}
