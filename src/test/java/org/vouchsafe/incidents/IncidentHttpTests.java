package org.vouchsafe.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reporting and reading leak incidents over HTTP: what is refused and why (naming the field), who
 * may report (members for their distro, list admins on a distro's behalf), and who sees what.
 */
@VouchsafeTest
class IncidentHttpTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestMemberDirectory members;

    Api api;
    String distro;
    String member;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        distro = TestMemberDirectory.freshDistro();
        member = members.member(distro);
    }

    @Test
    void shouldLetAMemberReportForTheirDistroAndSeeIt() {
        Api.Response reported = api.post(member, "/api/incidents", valid());

        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        String id = reported.json().path("id").asText();
        assertThat(reported.header("Location")).isEqualTo("/api/incidents/" + id);
        assertThat(reported.json().path("distroId").asText()).isEqualTo(distro);
        assertThat(reported.json().path("status").asText()).isEqualTo("AWAITING_NOTICE");
        assertThat(reported.json().path("reportedBy").asText()).isEqualTo(member);
        assertThat(api.get(member, "/api/incidents/" + id).status()).isEqualTo(200);
        assertThat(ids(api.get(member, "/api/incidents"))).contains(id);
    }

    @Test
    void shouldLetAListAdminReportOnADistrosBehalf() {
        Map<String, Object> body = valid();
        body.put("distroId", distro);

        Api.Response reported = api.post("admin", "/api/incidents", body);

        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        assertThat(reported.json().path("distroId").asText()).isEqualTo(distro);
        assertThat(reported.json().path("reportedBy").asText()).isEqualTo("admin");
        String id = reported.json().path("id").asText();
        assertThat(api.get(member, "/api/incidents/" + id).status()).as("the distro's member sees it").isEqualTo(200);
        assertThat(ids(api.get("admin", "/api/incidents"))).contains(id);
    }

    @Test
    void shouldAskAListAdminWhichDistroTheyReportFor() {
        Api.Response refused = api.post("admin", "/api/incidents", valid());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("distroId");
    }

    @Test
    void shouldRefuseAReportNamingEachBadField() {
        Map<String, Object> body = new HashMap<>();
        body.put("list", "oss-security");
        body.put("reference", "x".repeat(201));
        body.put("awareAt", Instant.now().plus(Duration.ofDays(1)).toString());
        body.put("extent", "y".repeat(501));

        Api.Response refused = api.post(member, "/api/incidents", body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("list", "reference", "awareAt", "extent");
        assertThat(refused.body()).contains("never the embargoed details").contains("must not be in the future");
    }

    @Test
    void shouldRefuseAReportWithoutItsRequiredFields() {
        Api.Response refused = api.post(member, "/api/incidents", Map.of());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("list", "reference", "awareAt");
    }

    @Test
    void shouldRefuseAnUnreadableAwarenessTime() {
        Map<String, Object> body = valid();
        body.put("awareAt", "yesterday");

        Api.Response refused = api.post(member, "/api/incidents", body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("awareAt");
    }

    @Test
    void shouldRefuseNoticeBeforeAwarenessOrInTheFuture() {
        String id = api.post(member, "/api/incidents", valid()).json().path("id").asText();

        Api.Response early = api.post(member, "/api/incidents/" + id + "/notified",
                Map.of("notifiedAt", Instant.now().minus(Duration.ofDays(3)).toString()));
        Api.Response future = api.post(member, "/api/incidents/" + id + "/notified",
                Map.of("notifiedAt", Instant.now().plus(Duration.ofDays(1)).toString()));

        assertThat(early.status()).as(early.toString()).isEqualTo(400);
        assertThat(early.errorFields()).containsExactly("notifiedAt");
        assertThat(future.status()).as(future.toString()).isEqualTo(400);
        assertThat(future.errorFields()).containsExactly("notifiedAt");
        assertThat(api.get(member, "/api/incidents/" + id).json().path("status").asText()).isEqualTo("AWAITING_NOTICE");
    }

    @Test
    void shouldRefuseAReportBeforeNoticeAndAnEmptyReport() {
        String id = api.post(member, "/api/incidents", valid()).json().path("id").asText();

        Api.Response beforeNotice = api.post(member, "/api/incidents/" + id + "/report", Map.of("extent", "a", "measures", "b"));
        api.post(member, "/api/incidents/" + id + "/notified", Map.of("notifiedAt", Instant.now().toString()));
        Api.Response empty = api.post(member, "/api/incidents/" + id + "/report", Map.of("extent", " "));

        assertThat(beforeNotice.status()).as(beforeNotice.toString()).isEqualTo(409);
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.errorFields()).containsExactlyInAnyOrder("extent", "measures");
    }

    @Test
    void shouldRefuseAClosureWithoutAReportUnlessEscalatingAndAnUnknownOutcome() {
        String id = api.post(member, "/api/incidents", valid()).json().path("id").asText();

        Api.Response accept = api.post("admin", "/api/incidents/" + id + "/closure", Map.of("outcome", "ACCEPTED"));
        Api.Response unknown = api.post("admin", "/api/incidents/" + id + "/closure", Map.of("outcome", "FORGIVEN"));
        Api.Response noNote = api.post("admin", "/api/incidents/" + id + "/closure", Map.of("outcome", "ESCALATED"));

        assertThat(accept.status()).as(accept.toString()).isEqualTo(409);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("outcome");
        assertThat(noNote.status()).as(noNote.toString()).isEqualTo(400);
        assertThat(noNote.errorFields()).containsExactly("note");
    }

    @Test
    void shouldRefuseApplicantsAndReviewers() {
        for (String user : List.of("applicant", "reviewer1")) {
            assertThat(api.post(user, "/api/incidents", valid()).status()).as(user + " reports").isEqualTo(403);
            assertThat(api.get(user, "/api/incidents").status()).as(user + " lists").isEqualTo(403);
        }
        String id = api.post(member, "/api/incidents", valid()).json().path("id").asText();
        assertThat(api.get("applicant", "/api/incidents/" + id).status()).isEqualTo(403);
        assertThat(api.get("reviewer1", "/api/incidents/" + id).status()).isEqualTo(403);
        assertThat(api.post(member, "/api/incidents/" + id + "/closure", Map.of("outcome", "ACCEPTED")).status())
                .as("a member does not close their own incident").isEqualTo(403);
    }

    @Test
    void shouldHideAnIncidentFromMembersOfAnotherDistro() {
        String id = api.post(member, "/api/incidents", valid()).json().path("id").asText();
        String other = members.member(TestMemberDirectory.freshDistro());

        assertThat(api.get(other, "/api/incidents/" + id).status()).isEqualTo(404);
        assertThat(api.post(other, "/api/incidents/" + id + "/notified", Map.of("notifiedAt", Instant.now().toString()))
                .status()).isEqualTo(404);
        assertThat(ids(api.get(other, "/api/incidents"))).doesNotContain(id);
        Map<String, Object> forAnother = valid();
        forAnother.put("distroId", distro);
        assertThat(api.post(other, "/api/incidents", forAnother).status()).as("reporting for another distro").isEqualTo(403);
        assertThat(api.get(member, "/api/incidents/" + id).json().path("status").asText()).isEqualTo("AWAITING_NOTICE");
    }

    @Test
    void shouldShowAnOpenIncidentAndItsRunningClockOnTheAdminDashboard() {
        // given an incident reported on the distro's behalf two days after awareness, notice not yet confirmed
        Map<String, Object> body = valid();
        body.put("distroId", distro);
        body.put("reference", "[vs-sec] dashboard thread " + distro);
        body.put("awareAt", Instant.now().minus(Duration.ofDays(2)).toString());
        String id = api.post("admin", "/api/incidents", body).json().path("id").asText();

        // when the admin opens the dashboard
        Api.Response page = api.exchange("admin", org.springframework.http.HttpMethod.GET, "/admin", null,
                org.springframework.http.MediaType.TEXT_HTML);

        // then the incident is listed with its clock, flagged late
        assertThat(page.status()).isEqualTo(200);
        String row = page.body().substring(page.body().indexOf("id=\"incident-" + id + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("[vs-sec] dashboard thread " + distro).contains(distro).contains("AWAITING_NOTICE")
                .contains("2 d 0 h and running").contains("late");
    }

    @Test
    void shouldTellApiUsersToSendReferencesOnly() {
        Api.Response docs = api.get("admin", "/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("never the embargoed details");
        assertThat(docs.json().at("/components/schemas/IncidentInput/properties/reference/maxLength").asInt()).isEqualTo(200);
    }

    private static Map<String, Object> valid() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("list", "linux-distros");
        body.put("reference", "[vs-sec] openssh issue, thread of 2026-11-30");
        body.put("awareAt", Instant.now().minus(Duration.ofHours(1)).toString());
        body.put("extent", "Forwarded to one packager outside the security team.");
        return body;
    }

    private static List<String> ids(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        response.json().forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }
}
