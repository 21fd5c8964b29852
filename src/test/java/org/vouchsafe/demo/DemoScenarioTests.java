package org.vouchsafe.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.vouchsafe.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first start with the demo profile on an empty database: the admin finds requests in every
 * stage, member distros on the roster covering some roles twice and leaving others open, and a
 * reviewer finds work; a second start seeds nothing. Its own context and in-memory database (the
 * shared test context starts without the scenario), with the default objection window, so the
 * request in the window stays there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:vouchsafe-demo-scenario;DB_CLOSE_DELAY=-1",
        "vouchsafe.demo.scenario=true",
        "vouchsafe.review.objection-window=P7D"})
@ActiveProfiles({"demo", "test"})
class DemoScenarioTests {

    @Autowired TestRestTemplate rest;
    @Autowired DemoScenarioRunner runner;
    @Autowired ManagementService management;

    @ParameterizedTest
    @ValueSource(strings = {"IN_REVIEW", "NEEDS_INFO", "OBJECTION_WINDOW", "AWAITING_DECISION", "DEFERRED", "APPROVED",
            "REJECTED"})
    void shouldShowTheAdminRequestsInEveryStage(String status) {
        Api.Response listed = new Api(rest).get("admin", "/api/requests?status=" + status);

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json()).as("requests %s", status).isNotEmpty();
    }

    @Test
    void shouldPutSixMemberDistrosOnTheRosterCoveringSomeRolesTwiceAndLeavingOthersOpen() {
        JsonNode roster = new Api(rest).get("admin", "/api/members").json();

        Set<String> distros = new HashSet<>();
        Map<String, Set<String>> holders = new HashMap<>();
        for (JsonNode member : roster) {
            distros.add(member.path("distro").asText());
            member.path("roles").forEach(role -> holders.computeIfAbsent(role.asText(), r -> new HashSet<>())
                    .add(member.path("distro").asText()));
        }
        assertThat(distros).hasSize(6).contains("Quokka Linux", "Wombat GNU/Linux");
        assertThat(roster.size()).as("everyone of each member distro, each with every proof").isEqualTo(12);
        long withBackup = holders.values().stream().filter(h -> h.size() >= 2).count();
        assertThat(withBackup).as("roles with a primary and a backup").isBetween(7L, 11L);
        assertThat(holders).as("some roles nobody holds").hasSizeLessThan(18);
    }

    @Test
    void shouldShowLifeAfterAdmission() {
        Api api = new Api(rest);

        // contributions recorded by members, under their own accounts
        JsonNode quokka = api.get("admin", "/api/members/quokka-linux").json();
        assertThat(quokka.path("contributions")).as(quokka.toString()).isNotEmpty();
        // an accountability request waiting for Kestrel's answer
        JsonNode kestrel = api.get("admin", "/api/members/kestrel-linux").json();
        assertThat(kestrel.path("accountability")).as(kestrel.toString()).hasSize(1);
        assertThat(kestrel.path("accountability").get(0).path("role").asText()).isEqualTo("A10");
        assertThat(kestrel.path("accountability").get(0).path("status").asText()).isEqualTo("OPEN");
        // a leak incident of Tern, told, reported and accepted
        JsonNode incidents = api.get("admin", "/api/incidents").json();
        assertThat(incidents).as(incidents.toString()).hasSize(1);
        assertThat(incidents.get(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(incidents.get(0).path("distroId").asText()).isEqualTo("tern-linux");
        assertThat(api.get("admin", "/api/members/tern-linux").json().path("incidents")).hasSize(1);
    }

    @Test
    void shouldLeaveReviewersVotesToCast() {
        Api api = new Api(rest);
        int open = 0;
        for (String reviewer : new String[] {"reviewer1", "reviewer2", "reviewer3", "reviewer4", "reviewer5"}) {
            Api.Response inbox = api.get(reviewer, "/api/inbox");
            assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
            open += inbox.json().path("count").asInt();
        }
        assertThat(open).as("vote tasks open in the inboxes").isPositive();
    }

    @Test
    void shouldKeepEveryRequestInItsStageForDays() {
        // nothing runs now, and no timer fires before tomorrow
        assertThat(management.createJobQuery().executable().count()).isZero();
        assertThat(management.createJobQuery().timers()
                .duedateLowerThan(java.util.Date.from(Instant.now().plus(Duration.ofDays(1)))).count()).isZero();
    }

    @Test
    void shouldSeedNothingOnASecondStart() {
        Api api = new Api(rest);
        long before = totalRequests(api);
        assertThat(before).isPositive();

        assertThat(runner.seedOnce()).isEmpty();

        assertThat(totalRequests(api)).isEqualTo(before);
    }

    private static long totalRequests(Api api) {
        return Long.parseLong(api.get("admin", "/api/requests?size=1").header("X-Total-Count"));
    }
}
