package org.vouchsafe.membership;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.intake.FilingService;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Mails;
import org.vouchsafe.support.MemberDistros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Leaving and removal as people meet them over HTTP: a member leaves under their own account, an
 * admin removes a whole distro, some of its people, or people from a later date; the current roster
 * drops them, the roster of a past day still names them, and a distro left without people is
 * reported to the admins.
 */
@VouchsafeTest
class DeparturesHttpTests {

    @Autowired TestRestTemplate rest;
    @Autowired FilingService filings;
    @Autowired ObjectMapper json;
    @Autowired MemberRepository members;
    @Autowired IdentityService identity;
    @Autowired RosterService roster;
    @Autowired Departures departures;
    @Autowired JdbcTemplate jdbc;

    Api api;
    MemberDistros distros;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        distros = new MemberDistros(filings, json, members, identity);
    }

    @Test
    void shouldLetAMemberLeaveUnderTheirOwnAccount() {
        MemberDistros.Distro distro = distros.admit(2, Instant.parse("2026-05-01T00:00:00Z"), "T4");
        MemberDistros.Person leaving = distro.first();

        Api.Response left = api.post(leaving.username(), "/api/members/me/leave", Map.of("reason", "Changed jobs."));

        assertThat(left.status()).as(left.toString()).isEqualTo(200);
        assertThat(left.json().path("status").asText()).isEqualTo("LEFT");
        assertThat(left.json().path("leftAt").isNull()).isFalse();
        assertThat(emails(api.get("admin", "/api/members"))).doesNotContain(leaving.email())
                .contains(distro.people().get(1).email());
        assertThat(roster.rolesHeld(distro.id())).containsExactly("T4");
        // leaving twice: nobody of that account is subscribed any more
        assertThat(api.post(leaving.username(), "/api/members/me/leave", Map.of()).status()).isEqualTo(404);
        // only members leave
        assertThat(api.post("applicant", "/api/members/me/leave", Map.of()).status()).isEqualTo(403);
        assertThat(api.post("admin", "/api/members/me/leave", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void shouldRemoveAWholeDistroAndTellTheAdminsItHasNobodyLeft() {
        MemberDistros.Distro distro = distros.admit(2, Instant.parse("2026-05-01T00:00:00Z"), "T5");

        Api.Response removed = api.post("admin", "/api/members/" + distro.id() + "/removal",
                Map.of("reason", "Inactive for two years."));

        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().path("status").asText()).isEqualTo("LEFT");
        assertThat(removed.json().path("people")).hasSize(2);
        assertThat(roster.people(distro.id())).isEmpty();
        assertThat(roster.rolesHeld(distro.id())).isEmpty();
        assertThat(roster.distrosWithoutPeople()).contains(distro.name());
        await().atMost(Duration.ofSeconds(60)).until(() ->
                new Mails(jdbc).recipients("distro-without-people:" + distro.id() + ":").contains("admin@vouchsafe.example"));
        // a distro nobody is subscribed for has nobody to remove
        assertThat(api.post("admin", "/api/members/" + distro.id() + "/removal", Map.of("reason", "Again.")).status())
                .isEqualTo(409);
    }

    @Test
    void shouldRemoveOnlyThePeopleNamedAndRefuseStrangers() {
        MemberDistros.Distro distro = distros.admit(2, Instant.parse("2026-05-01T00:00:00Z"), "T1");
        MemberDistros.Person removedPerson = distro.people().get(1);

        Api.Response stranger = api.post("admin", "/api/members/" + distro.id() + "/removal",
                Map.of("reason", "Left the project.", "people", List.of("nobody@example.org")));
        Api.Response removed = api.post("admin", "/api/members/" + distro.id() + "/removal",
                Map.of("reason", "Left the project.", "people", List.of(removedPerson.email().toUpperCase())));

        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.json().path("errors").get(0).path("field").asText()).isEqualTo("people[0]");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(roster.people(distro.id())).extracting(Member::getEmail).containsExactly(distro.first().email());
        assertThat(roster.distrosWithoutPeople()).doesNotContain(distro.name());
        // only list admins remove
        assertThat(api.post(distro.first().username(), "/api/members/" + distro.id() + "/removal",
                Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(api.post("admin", "/api/members/" + distro.id() + "/removal", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void shouldRemoveFromALaterDateWhenThatDateComes() {
        MemberDistros.Distro distro = distros.admit(1, Instant.parse("2026-05-01T00:00:00Z"), "A10");
        LocalDate nextWeek = LocalDate.now(ZoneOffset.UTC).plusDays(7);

        Api.Response past = api.post("admin", "/api/members/" + distro.id() + "/removal",
                Map.of("reason", "Late.", "effectiveDate", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()));
        Api.Response scheduled = api.post("admin", "/api/members/" + distro.id() + "/removal",
                Map.of("reason", "The distro ends its releases.", "effectiveDate", nextWeek.toString()));

        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().path("errors").get(0).path("field").asText()).isEqualTo("effectiveDate");
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        assertThat(scheduled.json().path("status").asText()).isEqualTo("LEAVING");
        // until then they are subscribed
        assertThat(roster.people(distro.id())).hasSize(1);
        assertThat(departures.applyDue(Instant.now())).isZero();
        assertThat(roster.people(distro.id())).hasSize(1);

        // when the date has come
        departures.applyDue(nextWeek.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60));

        assertThat(roster.people(distro.id())).isEmpty();
        assertThat(members.findByEmailIgnoreCase(distro.first().email()).orElseThrow().getStatus()).isEqualTo(MemberStatus.LEFT);
        // a second node finds it done
        assertThat(departures.applyDue(nextWeek.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(120))).isZero();
    }

    @Test
    void shouldAnswerWhoWasSubscribedOnAPastDay() {
        MemberDistros.Distro distro = distros.admit(2, Instant.parse("2026-05-01T09:00:00Z"), "A11");
        MemberDistros.Person leaving = distro.first();
        assertThat(api.post(leaving.username(), "/api/members/me/leave", Map.of("reason", "Retired.")).status()).isEqualTo(200);
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        List<String> june = emails(api.get("reviewer1", "/api/members?at=2026-06-01"));
        List<String> beforeJoining = emails(api.get("admin", "/api/members?at=2026-04-30"));
        List<String> leftToday = emails(api.get("admin", "/api/members?at=" + today));
        List<String> now = emails(api.get("admin", "/api/members"));

        assertThat(june).contains(leaving.email(), distro.people().get(1).email());
        assertThat(beforeJoining).doesNotContain(leaving.email());
        assertThat(leftToday).contains(leaving.email());
        assertThat(now).doesNotContain(leaving.email()).contains(distro.people().get(1).email());
        JsonNode entry = entry(api.get("admin", "/api/members?at=2026-06-01&list=linux-distros"), leaving.email());
        assertThat(entry.path("status").asText()).isEqualTo("LEFT");
        assertThat(entry.path("distroId").asText()).isEqualTo(distro.id());
        assertThat(entry.path("list").asText()).isEqualTo("linux-distros");
        assertThat(entry.path("joinedAt").asText()).isEqualTo("2026-05-01T09:00:00Z");
        assertThat(emails(api.get("admin", "/api/members?at=2026-06-01&list=other-list"))).doesNotContain(leaving.email());
        Api.Response bad = api.get("admin", "/api/members?at=June");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("at");
        assertThat(api.get("applicant", "/api/members?at=2026-06-01").status()).isEqualTo(403);
    }

    private static List<String> emails(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> emails = new java.util.ArrayList<>();
        response.json().forEach(m -> emails.add(m.path("email").asText()));
        return emails;
    }

    private static JsonNode entry(Api.Response response, String email) {
        for (JsonNode m : response.json()) {
            if (m.path("email").asText().equals(email)) {
                return m;
            }
        }
        throw new AssertionError(email + " not in " + response.body());
    }
}
