package org.vouchsafe.vouching;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditEvent;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.criteria.CriteriaService;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.FilingService;
import org.vouchsafe.criteria.RequestCriterion;
import org.vouchsafe.membership.Member;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.problem.ConflictException;
import org.vouchsafe.vouching.TestVouchers.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.vouchsafe.vouching.TestVouchers.memberVouch;
import static org.vouchsafe.vouching.TestVouchers.onRoster;
import static org.vouchsafe.vouching.TestVouchers.person;
import static org.vouchsafe.vouching.TestVouchers.teammateVouch;
import static org.vouchsafe.vouching.TestVouchers.veteranVouch;
import static org.vouchsafe.vouching.VouchingTestSupport.filing;
import static org.vouchsafe.vouching.VouchingTestSupport.voucher;

/**
 * The vouching process driven path by path, started the way the membership process's call
 * activity starts it: key {@code vouching}, variable {@code requestId}.
 */
@VouchsafeTest
class VouchingProcessTests {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired FilingService filings;
    @Autowired ObjectMapper json;
    @Autowired MemberRepository members;
    @Autowired VouchService vouches;
    @Autowired CriteriaService criteria;
    @Autowired AuditLog audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired VouchingRounds rounds;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @Test
    void shouldCountAMemberVouchSignedInTasklistAndEnd() {
        // given a member, admitted through an earlier request, named to vouch for the only requester
        Person member = admittedMember();
        Person ann = person("Ann Example", "ann", "example.org");
        String id = file(List.of(ann), List.of(voucher(member, ann)));

        // when vouching starts, the member is asked by mail and in Tasklist
        ProcessInstance pi = start(id);
        assertThat(pi).isWaitingAt("Task_MemberVouch", "Event_AllVouched");
        assertThat(sentMail("vouch-request:" + id + ":" + member.email() + ":" + ann.email())).isTrue();
        Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_MemberVouch").singleResult();
        String statement = (String) tasks.getVariable(task.getId(), "vouchStatement");
        assertThat(statement).isEqualTo(vouches.statement(id, member.email(), ann.email()));
        assertThat(criterion9(id).getOutcome().name()).isEqualTo("PENDING");

        // and the member signs it in the form
        tasks.complete(task.getId(), Map.of("strength", "WORKED_CLOSELY", "vouchComment", "We worked on CVE fixes together.",
                "vouchSignature", member.sign(statement)));

        // then the vouch counts, criterion 9 passes and vouching is over
        assertThat(pi).isEnded().hasPassed("End_Vouched");
        assertThat(outcome(pi)).isEqualTo("PASS");
        Vouch vouch = vouches.vouches(id).get(0);
        assertThat(vouch.getBranch()).isEqualTo(VoucherBranch.MEMBER);
        assertThat(vouch.getStatus()).isEqualTo(VouchStatus.COUNTING);
        assertThat(vouch.getDepth()).isEqualTo(1);
        assertThat(vouch.getSignedText()).isEqualTo(statement);
        assertThat(vouch.getSignature()).contains("BEGIN PGP SIGNATURE");
        assertThat(criterion9(id).getOutcome().name()).isEqualTo("PASS");
        assertThat(audit.eventsOf(id)).extracting(AuditEvent::action).contains(AuditAction.VOUCH_RECORDED);
    }

    @Test
    void shouldKeepTheMemberTaskOpenWhenTheSignatureIsNotTheMembers() {
        Person member = admittedMember();
        Person ann = person("Ann Example", "ann", "example.org");
        String id = file(List.of(ann), List.of(voucher(member, ann)));
        ProcessInstance pi = start(id);
        Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_MemberVouch").singleResult();
        String statement = (String) tasks.getVariable(task.getId(), "vouchStatement");

        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("strength", "KNOWS_WORK",
                "vouchSignature", ann.sign(statement))))
                .hasRootCauseInstanceOf(VouchRefusedException.class).rootCause().hasMessageStartingWith("WRONG_KEY");

        assertThat(pi).isWaitingAt("Task_MemberVouch");
        assertThat(vouches.vouches(id)).isEmpty();
    }

    @Test
    void shouldCountAVeteranVouchOnlyOnceAListAdminConfirmsTheEvidence() {
        // given a long-time oss-security participant named by the applicant
        Person veteran = person("Vera Veteran", "vera", "oss-veteran.example");
        Person ann = person("Ann Example", "ann", "example.org");
        String id = file(List.of(ann), List.of(voucher(veteran, ann)));
        ProcessInstance pi = start(id);
        assertThat(pi).isWaitingAt("Event_AllVouched");

        // when they vouch through the API
        Vouch vouch = vouches.submit(id, veteranVouch(veteran, "Independent researcher", ann.email(),
                vouches.statement(id, veteran.email(), ann.email())));

        // then the vouch waits for a list admin, and criterion 9 is still pending
        assertThat(vouch.getStatus()).isEqualTo(VouchStatus.AWAITING_CONFIRMATION);
        assertThat(criterion9(id).getOutcome().name()).isEqualTo("PENDING");
        Task confirm = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ConfirmVeteranVouch")
                .taskCandidateGroup("list-admins").singleResult();
        assertThat(confirm).isNotNull();
        assertThat((String) tasks.getVariable(confirm.getId(), "veteranSummary"))
                .contains("https://www.openwall.com/lists/oss-security/2015/03/01/1", "2015-03-01", veteran.fingerprint());

        // when the admin confirms
        tasks.complete(confirm.getId(), Map.of("confirmation", "CONFIRM"));

        // then it counts and vouching is over
        assertThat(pi).isEnded().hasPassed("End_Vouched");
        assertThat(vouches.vouch(vouch.getId()).orElseThrow().getStatus()).isEqualTo(VouchStatus.COUNTING);
        assertThat(criterion9(id).getOutcome().name()).isEqualTo("PASS");
    }

    @Test
    void shouldLetAPersonVouchedByAMemberVouchForTwoTeammatesButNotTheTeammatesPassItOn() {
        Person member = person("Mo Member", "mo", "member.example");
        onRoster(members, member);
        Person ann = person("Ann Example", "ann", "example.org");
        Person bob = person("Bob Example", "bob", "example.org");
        Person cat = person("Cat Example", "cat", "example.org");
        String id = file(List.of(ann, bob, cat), List.of(voucher(member, ann)));
        ProcessInstance pi = start(id);
        assertThat(pi).isWaitingAt("Task_MemberVouch", "Event_AllVouched");

        // the member vouches through the API: their Tasklist invitation closes, the others are still waited for
        vouches.submit(id, memberVouch(member, ann.email(), vouches.statement(id, member.email(), ann.email())));
        assertThat(pi).isNotEnded().isWaitingAt("Event_AllVouched");
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_MemberVouch").count())
                .isZero();
        assertThat(criterion9(id).getOutcome().name()).isEqualTo("PASS");

        // ann vouches for bob; bob, vouched by a teammate, may not pass it on (teammate depth 1, the seed's one hop)
        Vouch bobs = vouches.submit(id, teammateVouch(ann, bob.email(), vouches.statement(id, ann.email(), bob.email())));
        assertThat(pi).isNotEnded();
        assertThatThrownBy(() -> vouches.submit(id, teammateVouch(bob, cat.email(),
                vouches.statement(id, bob.email(), cat.email()))))
                .isInstanceOfSatisfying(VouchRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(VouchRefusal.TEAMMATE_TOO_DEEP));
        assertThat(criterion9(id).result().reasons()).anySatisfy(r -> assertThat(r)
                .contains("Cat Example <" + cat.email() + ">", "Ann Example <" + ann.email() + "> may vouch for them",
                        "teammate depth 1"));
        // so ann vouches for cat too
        Vouch cats = vouches.submit(id, teammateVouch(ann, cat.email(), vouches.statement(id, ann.email(), cat.email())));

        assertThat(bobs.getBranch()).isEqualTo(VoucherBranch.TEAMMATE);
        assertThat(bobs.getDepth()).isEqualTo(2);
        assertThat(cats.getDepth()).isEqualTo(2);
        assertThat(vouches.view(id).requesters()).extracting(VouchesView.RequesterView::depth).containsExactly(1, 2, 2);
        assertThat(vouches.svg(id)).contains("Teammate depth 1", "Ann Example: depth 1, may vouch for teammates",
                "Bob Example: depth 2, may not vouch for teammates");
        assertThat(pi).isEnded().hasPassed("End_Vouched");
        assertThat(outcome(pi)).isEqualTo("PASS");
    }

    @Test
    void shouldRefuseANonMemberAffiliatedWithTheApplicant() {
        Person byDomain = person("Dom Domain", "dom", "mail.example.org");
        Person byName = person("Nia Name", "nia", "elsewhere.example");
        Person ann = person("Ann Example", "ann", "example.org");
        String id = file(List.of(ann), List.of(voucher(byDomain, ann), voucher(byName, ann)));
        start(id);

        assertThatThrownBy(() -> vouches.submit(id, veteranVouch(byDomain, "Independent", ann.email(),
                vouches.statement(id, byDomain.email(), ann.email()))))
                .isInstanceOfSatisfying(VouchRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(VouchRefusal.AFFILIATED);
                    assertThat(e.sentence()).contains("example.org");
                });
        assertThatThrownBy(() -> vouches.submit(id, veteranVouch(byName, "The Example Foundation, Inc.", ann.email(),
                vouches.statement(id, byName.email(), ann.email()))))
                .isInstanceOfSatisfying(VouchRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(VouchRefusal.AFFILIATED));
        assertThat(vouches.vouches(id)).isEmpty();
    }

    @Test
    void shouldAcceptAMemberAffiliatedWithTheApplicant() {
        // a member of the same organization, same mail domain as the homepage
        Person member = person("Eve Example", "eve", "example.org");
        onRoster(members, member);
        Person ann = person("Ann Example", "ann", "example.org");
        String id = file(List.of(ann), List.of());
        ProcessInstance pi = start(id);

        String statement = vouches.statement(id, member.email(), ann.email());
        Vouch vouch = vouches.submit(id, new VouchInput(new VouchInput.Voucher(member.name(), member.email(),
                "Example Foundation", member.publicKey(), null, null), ann.email(), "WORKED_CLOSELY", statement,
                member.sign(statement), "Colleague."));

        assertThat(vouch.getBranch()).isEqualTo(VoucherBranch.MEMBER);
        assertThat(vouch.getStatus()).isEqualTo(VouchStatus.COUNTING);
        assertThat(pi).isEnded().hasPassed("End_Vouched");
    }

    @Test
    void shouldRemindOnceAndFailCriterion9AtTheDeadlineWithoutAVouch() {
        Person veteran = person("Vera Veteran", "vera", "oss-veteran.example");
        Person ann = person("Ann Example", "ann", "example.org");
        String id = file(List.of(ann), List.of(voucher(veteran, ann)));
        ProcessInstance pi = start(id);

        // the reminder timer fires: the voucher who has not vouched is reminded, vouching goes on
        execute(timer(pi, "Event_Reminder"));
        assertThat(sentMail("vouch-reminder:" + id + ":" + veteran.email() + ":" + ann.email())).isTrue();
        assertThat(pi).isWaitingAt("Event_AllVouched");

        // the deadline timer fires with nobody vouched for
        execute(timer(pi, "Event_Deadline"));

        // vouching is closed and waits for a list admin to reopen it, until the request ends
        assertThat(pi).hasPassed("Task_CloseAtDeadline").isWaitingAt("Task_AwaitReopening");
        assertThat(outcome(pi)).isEqualTo("FAIL");
        assertThat(criterion9(id).getOutcome().name()).isEqualTo("FAIL");
        assertThat(criterion9(id).result().reasons()).anyMatch(r -> r.contains("deadline passed"));
        // and a late vouch is refused
        assertThatThrownBy(() -> vouches.submit(id, veteranVouch(veteran, "Independent", ann.email(),
                vouches.statement(id, veteran.email(), ann.email()))))
                .isInstanceOfSatisfying(VouchRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(VouchRefusal.VOUCHING_CLOSED));
    }

    @Test
    void shouldPassAtTheDeadlineWhenSomeoneIsVouchedForButNotEveryone() {
        Person member = person("Mo Member", "mo", "member.example");
        onRoster(members, member);
        Person ann = person("Ann Example", "ann", "example.org");
        Person bob = person("Bob Example", "bob", "example.org");
        String id = file(List.of(ann, bob), List.of());
        ProcessInstance pi = start(id);
        vouches.submit(id, memberVouch(member, ann.email(), vouches.statement(id, member.email(), ann.email())));

        execute(timer(pi, "Event_Deadline"));

        assertThat(pi).hasPassed("Task_CloseAtDeadline").isWaitingAt("Task_AwaitReopening");
        assertThat(outcome(pi)).isEqualTo("PASS");
    }

    @Test
    void shouldAskAgainAndTakeVouchesUntilTheNewDeadlineOnceAListAdminReopensVouching() {
        // given vouching closed at its deadline with nobody vouched for: criterion 9 FAILs, vouches are refused
        Person veteran = person("Vera Veteran", "vera", "oss-veteran.example");
        Person ann = person("Ann Example", "ann", "example.org");
        String id = file(List.of(ann), List.of(voucher(veteran, ann)));
        ProcessInstance pi = start(id);
        execute(timer(pi, "Event_Deadline"));
        assertThat(criterion9(id).getOutcome().name()).isEqualTo("FAIL");

        // when a list admin reopens it with a new deadline
        Instant deadline = Instant.now().plus(Duration.ofDays(21)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        CheckResult check = rounds.reopen(id, deadline, "admin");

        // then criterion 9 waits again, naming the new deadline, and the reopening is audited
        assertThat(check.outcome().name()).isEqualTo("PENDING");
        assertThat(check.reasons()).anyMatch(r -> r.contains(deadline.toString()));
        assertThat(criterion9(id).getOutcome().name()).isEqualTo("PENDING");
        assertThat(audit.eventsOf(id)).filteredOn(e -> e.action() == AuditAction.VOUCHING_REOPENED).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("deadline", deadline.toString()));
        // the process asks the named voucher again (in a job of its own) and collects until the new deadline
        await().atMost(Duration.ofSeconds(60)).until(() -> sentMail("vouch-reopened:" + id + ":"
                + deadline.getEpochSecond() + ":" + veteran.email() + ":" + ann.email()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(pi).isWaitingAt("Event_AllVouched"));
        assertThat(timer(pi, "Event_Deadline").getDuedate().toInstant()).isEqualTo(deadline);

        // and the voucher's vouch is taken again
        Vouch vouch = vouches.submit(id, veteranVouch(veteran, "Independent", ann.email(),
                vouches.statement(id, veteran.email(), ann.email())));
        assertThat(vouch.getStatus()).isEqualTo(VouchStatus.AWAITING_CONFIRMATION);
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ConfirmVeteranVouch")
                .count()).isEqualTo(1);
    }

    @Test
    void shouldNotReopenVouchingThatIsStillOpenOrEndedWithEveryoneVouchedFor() {
        Person member = person("Mo Member", "mo", "member.example");
        onRoster(members, member);
        Person ann = person("Ann Example", "ann", "example.org");
        String id = file(List.of(ann), List.of());
        ProcessInstance pi = start(id);
        Instant later = Instant.now().plus(Duration.ofDays(60));

        // before the deadline: nothing to reopen
        assertThatThrownBy(() -> rounds.reopen(id, later, "admin")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("is open until");

        // everyone vouched for: vouching is over for good
        vouches.submit(id, memberVouch(member, ann.email(), vouches.statement(id, member.email(), ann.email())));
        assertThat(pi).isEnded().hasPassed("End_Vouched");
        assertThatThrownBy(() -> rounds.reopen(id, later, "admin")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("every requester is vouched for");
        assertThat(audit.eventsOf(id)).extracting(AuditEvent::action).doesNotContain(AuditAction.VOUCHING_REOPENED);
    }

    private String file(List<Person> requesters, List<Map<String, Object>> vouchers) {
        FilingRequest filing = json.convertValue(filing(requesters, vouchers), FilingRequest.class);
        return filings.file(filing, "applicant").getId();
    }

    /**
     * The vouching instance the membership process called for this request. Opening sends mail, so
     * it runs as a job after the start (asyncBefore): wait for the job executor to have taken it.
     */
    private ProcessInstance start(String requestId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("vouching").processInstanceBusinessKey(requestId).count() == 1);
        ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey("vouching")
                .processInstanceBusinessKey(requestId).singleResult();
        await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery().processInstanceId(pi.getId())
                .activityId("Task_OpenVouching").count() == 0);
        return pi;
    }

    /**
     * A member as the roster admits them today: a requester of an earlier request, recorded with that
     * request's id, so their key is the one filed with it.
     */
    private Person admittedMember() {
        Person member = person("Mo Member", "mo", "member.example");
        String earlier = file(List.of(member), List.of());
        members.save(new Member(earlier, "Member Distro", "linux-distros", member.name(), member.email(), null,
                Instant.now()));
        return member;
    }

    private RequestCriterion criterion9(String requestId) {
        return criteria.results(requestId).stream().filter(c -> c.getNumber() == 9).findFirst().orElseThrow();
    }

    private String outcome(ProcessInstance pi) {
        return (String) history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("vouchingOutcome").singleResult().getValue();
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().singleResult();
    }

    private void execute(Job job) {
        assertThat(job).as("timer job").isNotNull();
        management.executeJob(job.getId());
    }

    private boolean sentMail(String idempotencyKey) {
        return jdbc.queryForObject("select count(*) from sent_mail where idempotency_key = ?", Integer.class,
                idempotencyKey) == 1;
    }
}
