package org.vouchsafe.members;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
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
import org.vouchsafe.review.ReviewerProfile;
import org.vouchsafe.review.ReviewerProfileRepository;
import org.vouchsafe.support.Api;
import org.vouchsafe.vouching.TestVouchers.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.members.MembersTestSupport.person;

/**
 * The reviewer pool from the members: the people of a distro holding A12 ("help evaluate new
 * membership requests") become reviewers with their distro as affiliation; the list admin removes
 * and adds accounts, audited.
 */
@VouchsafeTest
class ReviewerPoolHttpTests {

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired PgpProperties pgp;
    @Autowired IdentityService identity;
    @Autowired ReviewerProfileRepository profiles;
    @Autowired AuditLog audit;

    Api api;
    @Autowired MembersTestSupport members;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void shouldPutThePeopleOfAnA12DistroInTheReviewerPoolWithTheirAffiliation() {
        Person ann = person("Ann Member", "ann");
        Person oz = person("Oz Other", "oz");

        MembersTestSupport.Admitted evaluating = members.admit(List.of(ann), "A1", "A12");
        members.admit(List.of(oz), "A1");
        String annAccount = members.username(ann.email());
        String ozAccount = members.username(oz.email());
        try {
            assertThat(inPool(annAccount)).isTrue();
            assertThat(inPool(ozAccount)).isFalse();
            ReviewerProfile profile = profiles.findById(annAccount).orElseThrow();
            assertThat(profile.getDistro()).isEqualTo(evaluating.members().get(0).getDistro());
            assertThat(profile.getOrganization()).isEqualTo("Example Foundation");
            assertThat(audit.eventsOf(evaluating.requestId())).extracting(AuditEvent::action).contains(AuditAction.REVIEWER_ADDED);
        } finally {
            api.exchange("admin", HttpMethod.DELETE, "/api/reviewers/" + annAccount, null, MediaType.APPLICATION_JSON);
        }
    }

    @Test
    void shouldLetTheListAdminRemoveAndAddReviewers() {
        Person oz = person("Oz Other", "oz");
        members.admit(List.of(oz), "A1");
        String account = members.username(oz.email());
        try {
            Api.Response added = api.post("admin", "/api/reviewers/" + account, null);
            assertThat(added.status()).as(added.toString()).isEqualTo(200);
            assertThat(added.json().path("reviewer").asBoolean()).isTrue();
            assertThat(inPool(account)).isTrue();

            Api.Response byReviewer = api.exchange("reviewer1", HttpMethod.DELETE, "/api/reviewers/" + account, null,
                    MediaType.APPLICATION_JSON);
            assertThat(byReviewer.status()).isEqualTo(403);
            assertThat(inPool(account)).isTrue();

            Api.Response removed = api.exchange("admin", HttpMethod.DELETE, "/api/reviewers/" + account, null,
                    MediaType.APPLICATION_JSON);
            assertThat(removed.status()).isEqualTo(200);
            assertThat(inPool(account)).isFalse();
            assertThat(api.post("admin", "/api/reviewers/nobody-of-that-name", null).status()).isEqualTo(404);
            assertThat(jdbc.queryForObject("select count(*) from audit_event where action in ('REVIEWER_ADDED', "
                    + "'REVIEWER_REMOVED') and details like ?", Integer.class, "%" + account + "%")).isEqualTo(2);
        } finally {
            api.exchange("admin", HttpMethod.DELETE, "/api/reviewers/" + account, null, MediaType.APPLICATION_JSON);
        }
    }

    private boolean inPool(String username) {
        return identity.createUserQuery().userId(username).memberOfGroup("reviewers").count() == 1;
    }
}
