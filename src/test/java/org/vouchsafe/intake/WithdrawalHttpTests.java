package org.vouchsafe.intake;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Filings;
import org.vouchsafe.support.Mails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/requests/{id}/withdrawal} as the applicant's tooling meets it: the filing applicant
 * withdraws an undecided request, its tasks leave Tasklist, the reviewers are told, and the distro may
 * file again; nobody else may withdraw it, a decided request cannot be, and a reason is required.
 */
@VouchsafeTest
class WithdrawalHttpTests {

    static final String OTHER_APPLICANT = "applicant-other";

    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    private Api api;
    private Mails mails;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        mails = new Mails(jdbc);
        if (identity.createUserQuery().userId(OTHER_APPLICANT).count() == 0) {
            User user = identity.newUser(OTHER_APPLICANT);
            user.setFirstName("Otto");
            user.setLastName("Applicant");
            user.setEmail("otto@other-distro.example");
            user.setPassword("demo");
            identity.saveUser(user);
            identity.createMembership(OTHER_APPLICANT, "applicants");
        }
    }

    @Test
    void shouldWithdrawTakeTheTasksAwayTellTheReviewersAndLetTheDistroFileAgain() {
        String distro = Filings.uniqueDistro();
        String id = fileInReview(distro);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id).count()).as("vote tasks").isPositive();
        String membership = membershipInstance(id);

        Api.Response withdrawn = withdraw("applicant", id, "Our security team is too small for now; we will come back.");

        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().path("id").asText()).isEqualTo(id);
        assertThat(withdrawn.json().path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(api.get("applicant", "/api/requests/" + id).json().path("status").asText()).isEqualTo("WITHDRAWN");
        // nothing of it is left in Tasklist
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id).count()).isZero();
        assertThat(api.get("reviewer1", "/api/inbox").body()).doesNotContain(id);
        // the reviewers who were asked are told, with the reason
        assertThat(mails.awaitSent(membership + ":Task_MailWithdrawal:reviewer1@alpinelinux.org"))
                .isEqualTo("Withdrawn: membership request for " + distro);
        // the applicant sees the withdrawal and its reason in the audit trail
        JsonNode audit = api.get("applicant", "/api/audit?request=" + id).json();
        assertThat(audit.findValuesAsText("action")).contains("REQUEST_WITHDRAWN");
        assertThat(audit.toString()).contains("Our security team is too small for now");
        // and the distro may file again
        Api.Response again = api.post("applicant", "/api/requests", Filings.valid(distro));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
    }

    @Test
    void shouldNotLetAnotherApplicantFindTheRequestNorReviewersOrAdminsWithdrawIt() {
        String id = fileInReview(Filings.uniqueDistro());

        assertThat(withdraw(OTHER_APPLICANT, id, "Not mine.").status()).isEqualTo(404);
        assertThat(withdraw("reviewer1", id, "Not mine.").status()).isEqualTo(403);
        assertThat(withdraw("admin", id, "Not mine.").status()).isEqualTo(403);
        assertThat(withdraw(null, id, "Not mine.").status()).isEqualTo(401);
        assertThat(api.get("applicant", "/api/requests/" + id).json().path("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void shouldRefuseToWithdrawADecidedRequest() {
        String id = fileInReview(Filings.uniqueDistro());
        assertThat(api.post("reviewer1", "/api/requests/" + id + "/votes", Api.vote("OBJECT", "Broken links.")).status())
                .isEqualTo(201);
        Api.Response decided = api.post("admin", "/api/requests/" + id + "/decision",
                Map.of("outcome", "REJECTED", "reason", "Broken evidence."));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);

        Api.Response withdrawn = withdraw("applicant", id, "Too late, we know.");

        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(409);
        assertThat(withdrawn.body()).contains("REJECTED");
        assertThat(api.get("applicant", "/api/requests/" + id).json().path("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void shouldRefuseToWithdrawTwice() {
        String id = fileInReview(Filings.uniqueDistro());
        assertThat(withdraw("applicant", id, "Changed our minds.").status()).isEqualTo(200);

        assertThat(withdraw("applicant", id, "Changed our minds again.").status()).isEqualTo(409);
    }

    @Test
    void shouldNameTheReasonWhenItIsMissingBlankOrTooLong() {
        String id = fileInReview(Filings.uniqueDistro());

        for (Object body : new Object[] {Map.of(), Map.of("reason", "   "),
                Map.of("reason", "x".repeat(RequestWithdrawal.MAX_REASON + 1))}) {
            Api.Response refused = api.post("applicant", "/api/requests/" + id + "/withdrawal", body);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.errorFields()).containsExactly("reason");
        }
        Api.Response unknown = api.post("applicant", "/api/requests/" + id + "/withdrawal",
                Map.of("reason", "Fine.", "colour", "red"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("colour");
        assertThat(api.get("applicant", "/api/requests/" + id).json().path("status").asText()).isEqualTo("IN_REVIEW");
    }

    private Api.Response withdraw(String user, String id, String reason) {
        return api.post(user, "/api/requests/" + id + "/withdrawal", Map.of("reason", reason));
    }

    /**
     * Files over HTTP and waits until the jobs that follow a filing (mails, the called processes'
     * first steps) are done, as a person's next action would.
     */
    private String fileInReview(String distro) {
        Api.Response filed = api.post("applicant", "/api/requests", Filings.valid(distro));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = filed.json().path("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(id).list().stream()
                .mapToLong(pi -> management.createJobQuery().processInstanceId(pi.getId()).executable().count()).sum() == 0);
        return id;
    }

    private String membershipInstance(String id) {
        ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey("membershipRequest")
                .processInstanceBusinessKey(id).singleResult();
        return pi.getId();
    }
}
