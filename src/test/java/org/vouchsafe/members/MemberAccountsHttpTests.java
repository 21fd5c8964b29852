package org.vouchsafe.members;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditEvent;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.pgp.PgpProperties;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Tasklist;
import org.vouchsafe.vouching.TestVouchers.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vouchsafe.members.MembersTestSupport.PASSWORD;
import static org.vouchsafe.members.MembersTestSupport.person;

/**
 * A subscribed person's account: made at admission, unusable until its owner chooses a password
 * through the link mailed to them encrypted, which works once and expires; a list admin can send a
 * new one, which ends the old.
 */
@VouchsafeTest
class MemberAccountsHttpTests {

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired PgpProperties pgp;
    @Autowired IdentityService identity;
    @Autowired AuditLog audit;

    Api api;
    @Autowired MembersTestSupport members;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void shouldGiveEachAdmittedPersonAnAccountInTheMembersAndDistroGroups() {
        Person ann = person("Ann Member", "ann");
        Person bob = person("Bob Member", "bob");

        MembersTestSupport.Admitted distro = members.admit(List.of(ann, bob), "A1");

        for (Person p : List.of(ann, bob)) {
            String username = members.username(p.email());
            assertThat(username).matches("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*").startsWith(p.email().split("@")[0]);
            assertThat(identity.createGroupQuery().groupMember(username).list())
                    .extracting(org.camunda.bpm.engine.identity.Group::getId).contains("members", "distro-" + distro.distroId());
            assertThat(identity.createGroupQuery().groupId("distro-" + distro.distroId()).singleResult().getType())
                    .isEqualTo("WORKFLOW");
        }
        assertThat(api.get("admin", "/api/members").json().findValuesAsText("distroId")).contains(distro.distroId());
    }

    @Test
    void shouldSendTheLinkOnlyInsideTheEncryptedMailAndSetThePasswordOnce() {
        // given an admitted person and the mail that went out
        Person ann = person("Ann Member", "ann");
        MembersTestSupport.Admitted distro = members.admit(List.of(ann));
        String raw = members.rawMail(members.openInvitation(ann.email()));
        String decrypted = MembersTestSupport.decrypt(ann, raw);
        String token = MembersTestSupport.token(decrypted);
        String username = members.username(ann.email());

        // then the link is in the encrypted part only
        assertThat(raw).contains("multipart/encrypted").doesNotContain(token).doesNotContain("/invitations/");
        assertThat(decrypted).contains("Your user name: " + username);

        // when they open the link and choose a password
        Api.Response page = api.exchange(null, HttpMethod.GET, "/invitations/" + token, null, MediaType.TEXT_HTML);
        Api.Response set = api.post(null, "/api/invitations/" + token, Map.of("password", PASSWORD));
        Api.Response again = api.post(null, "/api/invitations/" + token, Map.of("password", PASSWORD + "x"));

        // then the page named the account, the password is set once, and the second use is refused
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(username);
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().path("username").asText()).isEqualTo(username);
        assertThat(again.status()).as(again.toString()).isEqualTo(410);
        assertThat(again.body()).contains("used already");
        assertThat(api.exchange(username, PASSWORD, HttpMethod.GET, "/api/members/" + distro.distroId(), null,
                MediaType.APPLICATION_JSON).status()).isEqualTo(200);
        assertThat(audit.eventsOf(distro.requestId())).extracting(AuditEvent::action)
                .contains(AuditAction.MEMBER_INVITED, AuditAction.MEMBER_ACCOUNT_ACTIVATED);
    }

    @Test
    void shouldNotLetTheAccountSignInBeforeThePasswordIsChosenThroughTheLink() {
        // given an admitted person whose invitation is still open
        Person ann = person("Ann Member", "ann");
        MembersTestSupport.Admitted distro = members.admit(List.of(ann));
        String username = members.username(ann.email());
        String token = members.tokenOf(ann);
        String path = "/api/members/" + distro.distroId();

        // then no password works: not the demo one, not the empty one
        assertThat(identity.checkPassword(username, "demo")).isFalse();
        assertThat(identity.checkPassword(username, "")).isFalse();
        assertThatThrownBy(() -> Tasklist.signIn(port, username, PASSWORD)).hasMessageContaining("cannot sign in");

        // and even a password set around the invitation (say, in Camunda's Admin webapp) does not sign in here
        User user = identity.createUserQuery().userId(username).singleResult();
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        assertThat(api.exchange(username, PASSWORD, HttpMethod.GET, path, null, MediaType.APPLICATION_JSON).status())
                .isEqualTo(401);

        // when the person sets their password through the link
        assertThat(api.post(null, "/api/invitations/" + token, Map.of("password", PASSWORD)).status()).isEqualTo(200);

        // then the API and Tasklist let them in
        assertThat(api.exchange(username, PASSWORD, HttpMethod.GET, path, null, MediaType.APPLICATION_JSON).status())
                .isEqualTo(200);
        Tasklist.signIn(port, username, PASSWORD);
    }

    @Test
    void shouldRefuseAWeakPasswordAndKeepTheLinkWorking() {
        Person ann = person("Ann Member", "ann");
        members.admit(List.of(ann));
        String token = members.tokenOf(ann);

        Api.Response weak = api.post(null, "/api/invitations/" + token, Map.of("password", "demo"));
        Api.Response strong = api.post(null, "/api/invitations/" + token, Map.of("password", PASSWORD));

        assertThat(weak.status()).as(weak.toString()).isEqualTo(400);
        assertThat(weak.errorFields()).containsExactly("password");
        assertThat(strong.status()).as(strong.toString()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAnExpiredLinkAndAnUnknownOne() {
        // given an invitation whose validity (vouchsafe.members.invitation-validity) has run out
        Person ann = person("Ann Member", "ann");
        members.admit(List.of(ann));
        String token = members.tokenOf(ann);
        jdbc.update("update member_invitation set expires_at = ? where id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), members.openInvitation(ann.email()));

        // when it is used
        Api.Response expired = api.post(null, "/api/invitations/" + token, Map.of("password", PASSWORD));
        Api.Response page = api.exchange(null, HttpMethod.GET, "/invitations/" + token, null, MediaType.TEXT_HTML);
        Api.Response unknown = api.post(null, "/api/invitations/" + "x".repeat(43), Map.of("password", PASSWORD));

        // then it is gone, and the page says to ask for a new one
        assertThat(expired.status()).as(expired.toString()).isEqualTo(410);
        assertThat(expired.body()).contains("expired");
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("ask the list admin for a new invitation");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void shouldReplaceTheOpenLinkWhenTheAdminSendsANewInvitation() {
        // given an admitted person's first link
        Person ann = person("Ann Member", "ann");
        members.admit(List.of(ann));
        String first = members.tokenOf(ann);

        // when a list admin sends a new invitation
        Api.Response sent = api.post("admin", "/api/members/people/" + ann.email() + "/invitation", null);
        String second = members.tokenOf(ann);

        // then the new link works and the old one does not
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.json().path("mailed").asBoolean()).isTrue();
        assertThat(second).isNotEqualTo(first);
        Api.Response old = api.post(null, "/api/invitations/" + first, Map.of("password", PASSWORD));
        assertThat(old.status()).isEqualTo(410);
        assertThat(old.body()).contains("newer invitation");
        assertThat(api.post(null, "/api/invitations/" + second, Map.of("password", PASSWORD)).status()).isEqualTo(200);
        assertThat(api.post("reviewer1", "/api/members/people/" + ann.email() + "/invitation", null).status()).isEqualTo(403);
    }

    @Test
    void shouldCloseTheAccountOfAMemberWhoLeaves() {
        // given a member who set their password and can sign in
        Person ann = person("Ann Member", "ann");
        MembersTestSupport.Admitted distro = members.admit(List.of(ann), "A12");
        String username = members.username(ann.email());
        assertThat(api.post(null, "/api/invitations/" + members.tokenOf(ann), Map.of("password", PASSWORD)).status())
                .isEqualTo(200);
        String path = "/api/members/" + distro.distroId();
        assertThat(api.exchange(username, PASSWORD, HttpMethod.GET, path, null, MediaType.APPLICATION_JSON).status())
                .isEqualTo(200);

        // when they leave the list
        Api.Response left = api.exchange(username, PASSWORD, HttpMethod.POST, "/api/members/me/leave",
                Map.of("reason", "Our distro moved its security work to another team."), MediaType.APPLICATION_JSON);
        assertThat(left.status()).as(left.toString()).isEqualTo(200);

        // then their password no longer signs in, they are in no group that gives tasks, and no invitation reopens it
        assertThat(api.exchange(username, PASSWORD, HttpMethod.GET, path, null, MediaType.APPLICATION_JSON).status())
                .isEqualTo(401);
        assertThat(identity.createGroupQuery().groupMember(username).list()).isEmpty();
        Api.Response reinvite = api.post("admin", "/api/members/people/" + ann.email() + "/invitation", Map.of());
        assertThat(reinvite.status()).as(reinvite.toString()).isEqualTo(409);
    }

    @Test
    void shouldLetAMemberReportALeakForTheirOwnDistroUnderTheirOwnAccount() {
        // given a member who set their password
        Person ann = person("Ann Member", "ann");
        MembersTestSupport.Admitted distro = members.admit(List.of(ann), "A1");
        String username = members.username(ann.email());
        assertThat(api.post(null, "/api/invitations/" + members.tokenOf(ann), Map.of("password", PASSWORD)).status())
                .isEqualTo(200);

        // when they report a leak (no distroId: the account tells which distro)
        Api.Response reported = api.exchange(username, PASSWORD, HttpMethod.POST, "/api/incidents",
                Map.of("list", "linux-distros", "reference", "[vs] thread 2026-12-01",
                        "awareAt", java.time.Instant.now().minusSeconds(600).toString()), MediaType.APPLICATION_JSON);

        // then the incident is their distro's, and they see it in their list
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        assertThat(reported.json().path("distroId").asText()).isEqualTo(distro.distroId());
        assertThat(api.exchange(username, PASSWORD, HttpMethod.GET, "/api/incidents", null, MediaType.APPLICATION_JSON).body())
                .contains(reported.json().path("id").asText());
    }
}
