package org.vouchsafe.vouching;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.FilingService;
import org.vouchsafe.members.MembersTestSupport;
import org.vouchsafe.pgp.PgpProperties;
import org.vouchsafe.support.Api;
import org.vouchsafe.support.Tasklist;
import org.vouchsafe.vouching.TestVouchers.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vouchsafe.members.MembersTestSupport.PASSWORD;
import static org.vouchsafe.vouching.TestVouchers.person;
import static org.vouchsafe.vouching.VouchingTestSupport.filing;
import static org.vouchsafe.vouching.VouchingTestSupport.voucher;

/**
 * Members vouch under their own account: the member vouch task names the member's account as
 * candidate, so they open it in Tasklist themselves (and it is listed on their page); the form
 * still admits only its own fields; the REST path takes their signed vouch too.
 */
@VouchsafeTest
class MemberVouchingHttpTests {

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired FilingService filings;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired PgpProperties pgp;
    @Autowired VouchService vouches;
    @Autowired AuditLog audit;

    Api api;
    @Autowired MembersTestSupport members;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void shouldLetTheMemberVouchInTasklistUnderTheirOwnAccountAndRefuseExtraFields() {
        // given a member with an account, named to vouch for a requester
        Person mo = MembersTestSupport.person("Mo Member", "mo");
        members.admit(List.of(mo), "A13");
        String username = activate(mo);
        Person ann = person("Ann Example", "ann", "example.org");
        String id = file(List.of(ann), List.of(voucher(mo, ann)));
        Task task = memberVouchTask(vouching(id));
        String statement = (String) tasks.getVariable(task.getId(), "vouchStatement");

        // then the task is the member's, and their page lists it
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anyMatch(l -> username.equals(l.getUserId())
                && "candidate".equals(l.getType()));
        Api.Response page = api.exchange(username, PASSWORD, HttpMethod.GET, "/member", null, MediaType.TEXT_HTML);
        assertThat(page.body()).contains(task.getId(), ann.email());

        // when the member submits the form in Tasklist with a field it does not declare
        Tasklist tasklist = Tasklist.signIn(port, username, PASSWORD);
        Tasklist.Response tampered = tasklist.submitForm(task.getId(), fields("strength", "WORKED_CLOSELY",
                "vouchSignature", mo.sign(statement), "invitationId", "someone-elses-invitation"));

        // then it is refused whole
        assertThat(tampered.status()).as(tampered.toString()).isEqualTo(400);
        assertThat(tampered.message()).contains("Not accepted: invitationId");
        assertThat(vouches.vouches(id)).isEmpty();
        assertThat(audit.eventsOf(id)).extracting(AuditEvent::action).doesNotContain(AuditAction.VOUCH_RECORDED);

        // and the form's own fields, signed by the member, vouch: no admin needed
        Tasklist.Response vouched = tasklist.submitForm(task.getId(), fields("strength", "WORKED_CLOSELY",
                "vouchComment", "We fixed CVEs together.", "vouchSignature", mo.sign(statement)));
        assertThat(vouched.status()).as(vouched.toString()).isEqualTo(204);
        assertThat(vouches.vouches(id)).singleElement().satisfies(v -> assertThat(v.getBranch()).isEqualTo(VoucherBranch.MEMBER));
    }

    @Test
    void shouldTakeTheMembersSignedVouchOverRestUnderTheirOwnAccount() {
        Person mo = MembersTestSupport.person("Mo Member", "mo");
        members.admit(List.of(mo), "A13");
        String username = activate(mo);
        Person ann = person("Ann Example", "ann", "example.org");
        String id = file(List.of(ann), List.of(voucher(mo, ann)));
        Task task = memberVouchTask(vouching(id));

        Api.Response response = api.exchange(username, PASSWORD, HttpMethod.POST, "/api/requests/" + id + "/vouches",
                TestVouchers.memberVouch(mo, ann.email(), vouches.statement(id, mo.email(), ann.email())),
                MediaType.APPLICATION_JSON);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(vouches.vouches(id)).singleElement().satisfies(v -> assertThat(v.getBranch()).isEqualTo(VoucherBranch.MEMBER));
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
    }

    private String activate(Person person) {
        Api.Response set = api.post(null, "/api/invitations/" + members.tokenOf(person), Map.of("password", PASSWORD));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        return set.json().path("username").asText();
    }

    private String file(List<Person> requesters, List<Map<String, Object>> vouchers) {
        return filings.file(json.convertValue(filing(requesters, vouchers), FilingRequest.class), "applicant").getId();
    }

    private ProcessInstance vouching(String requestId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("vouching").processInstanceBusinessKey(requestId).count() == 1);
        ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey("vouching")
                .processInstanceBusinessKey(requestId).singleResult();
        await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery().processInstanceId(pi.getId())
                .activityId("Task_OpenVouching").count() == 0);
        return pi;
    }

    private Task memberVouchTask(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_MemberVouch").singleResult();
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }
}
