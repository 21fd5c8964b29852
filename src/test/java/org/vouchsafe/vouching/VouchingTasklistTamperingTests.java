package org.vouchsafe.vouching;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditEvent;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.FilingService;
import org.vouchsafe.membership.Member;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.support.Tasklist;
import org.vouchsafe.vouching.TestVouchers.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vouchsafe.vouching.TestVouchers.person;
import static org.vouchsafe.vouching.TestVouchers.veteranVouch;
import static org.vouchsafe.vouching.VouchingTestSupport.filing;
import static org.vouchsafe.vouching.VouchingTestSupport.voucher;

/**
 * The vouching forms played through Tasklist's own API with more than they declare: a member's
 * vouch aimed at another invitation or request, an admin's confirmation of another vouch. Each is
 * refused whole, and the vouch, the task and the audit log stay as they were.
 */
@VouchsafeTest
class VouchingTasklistTamperingTests {

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired FilingService filings;
    @Autowired ObjectMapper json;
    @Autowired MemberRepository members;
    @Autowired VouchService vouches;
    @Autowired AuditLog audit;

    @Test
    void shouldRefuseAMemberVouchThatAlsoNamesTheInvitationOrTheRequest() {
        // given a member named to vouch, and their task in Tasklist
        Person member = admittedMember();
        Person ann = person("Ann Example", "ann", "example.org");
        String id = file(List.of(ann), List.of(voucher(member, ann)));
        ProcessInstance pi = vouching(id);
        Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_MemberVouch").singleResult();
        String statement = (String) tasks.getVariable(task.getId(), "vouchStatement");
        Tasklist tasklist = Tasklist.signIn(port, "admin");

        // when the signed vouch is submitted with an invitation id, or a request id, of the submitter's choosing
        Tasklist.Response invitation = tasklist.submitForm(task.getId(), fields("strength", "WORKED_CLOSELY",
                "vouchSignature", member.sign(statement), "invitationId", "someone-elses-invitation"));
        Tasklist.Response request = tasklist.submitForm(task.getId(), fields("strength", "WORKED_CLOSELY",
                "vouchSignature", member.sign(statement), "requestId", "another-request"));
        Tasklist.Response statementToo = tasklist.submitForm(task.getId(), fields("strength", "WORKED_CLOSELY",
                "vouchSignature", member.sign("I vouch for anyone."), "vouchStatement", "I vouch for anyone."));

        // then all three are refused and nothing is vouched
        assertThat(invitation.status()).as(invitation.toString()).isEqualTo(400);
        assertThat(invitation.message()).contains("Not accepted: invitationId");
        assertThat(request.status()).as(request.toString()).isEqualTo(400);
        assertThat(statementToo.status()).as(statementToo.toString()).isEqualTo(400);
        assertThat(statementToo.message()).contains("Not accepted: vouchStatement");
        assertThat(vouches.vouches(id)).isEmpty();
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(audit.eventsOf(id)).extracting(AuditEvent::action).doesNotContain(AuditAction.VOUCH_RECORDED);
    }

    @Test
    void shouldRefuseAVeteranConfirmationAimedAtAnotherVouch() {
        // given a veteran's vouch waiting for a list admin's confirmation
        Person veteran = person("Vera Veteran", "vera", "oss-veteran.example");
        Person ann = person("Ann Example", "ann", "example.org");
        String id = file(List.of(ann), List.of(voucher(veteran, ann)));
        ProcessInstance pi = vouching(id);
        Vouch vouch = vouches.submit(id, veteranVouch(veteran, "Independent researcher", ann.email(),
                vouches.statement(id, veteran.email(), ann.email())));
        Task confirm = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ConfirmVeteranVouch")
                .singleResult();
        Tasklist tasklist = Tasklist.signIn(port, "admin");

        // when the confirmation names a vouch id
        Tasklist.Response response = tasklist.submitForm(confirm.getId(),
                fields("confirmation", "CONFIRM", "vouchId", "another-vouch"));

        // then it is refused and the vouch still waits
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.message()).contains("Not accepted: vouchId");
        assertThat(vouches.vouch(vouch.getId()).orElseThrow().getStatus()).isEqualTo(VouchStatus.AWAITING_CONFIRMATION);
        assertThat(tasks.createTaskQuery().taskId(confirm.getId()).count()).isOne();

        // and the form's own field confirms it
        Tasklist.Response confirmed = tasklist.submitForm(confirm.getId(), fields("confirmation", "CONFIRM"));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);
        assertThat(vouches.vouch(vouch.getId()).orElseThrow().getStatus()).isEqualTo(VouchStatus.COUNTING);
    }

    private String file(List<Person> requesters, List<Map<String, Object>> vouchers) {
        return filings.file(json.convertValue(filing(requesters, vouchers), FilingRequest.class), "applicant").getId();
    }

    /** The vouching process of the request, once its opening job has run. */
    private ProcessInstance vouching(String requestId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("vouching").processInstanceBusinessKey(requestId).count() == 1);
        ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey("vouching")
                .processInstanceBusinessKey(requestId).singleResult();
        await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery().processInstanceId(pi.getId())
                .activityId("Task_OpenVouching").count() == 0);
        return pi;
    }

    /** A member admitted through an earlier request, so their key is the one filed with it. */
    private Member admittedMemberEntry(Person member) {
        String earlier = file(List.of(member), List.of());
        return members.save(new Member(earlier, "Member Distro", "linux-distros", member.name(), member.email(), null,
                Instant.now()));
    }

    private Person admittedMember() {
        Person member = person("Mo Member", "mo", "member.example");
        admittedMemberEntry(member);
        return member;
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }
}
