package org.vouchsafe.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.membership.AdminDecisionService;
import org.vouchsafe.membership.DecisionInput;
import org.vouchsafe.membership.Member;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.review.ReviewService;
import org.vouchsafe.review.VoteInput;
import org.vouchsafe.support.Filings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vouchsafe.workflow.MembershipProcess.Activities.*;

/** (a) A request that passes every check goes through review, the objection window and the admin onto the roster. */
@VouchsafeTest
class HappyPathProcessTests extends ProcessTestSupport {

    @Autowired
    ReviewService review;

    @Autowired
    AdminDecisionService decisions;

    @Autowired
    MemberRepository members;

    @org.springframework.beans.factory.annotation.Autowired
    org.vouchsafe.vouching.VouchService vouchService;

    @Test
    @SuppressWarnings("unchecked")
    void shouldTakeARequestFromFilingToTheRoster() {
        // given
        Map<String, Object> filing = Filings.valid();
        String email = "ann+" + System.nanoTime() + "@example.org";
        ((List<Map<String, Object>>) filing.get("requesters")).get(0).put("email", email);
        org.bouncycastle.openpgp.api.OpenPGPKey key = org.vouchsafe.support.TestKeys.generate("Ann Example", email);
        ((List<Map<String, Object>>) filing.get("requesters")).get(0).put("publicKey", org.vouchsafe.support.TestKeys.publicKey(key));
        ((List<Map<String, Object>>) filing.get("vouchers")).get(0).put("vouchesFor", email);

        // when the applicant files
        String id = file(filing);
        ProcessInstance instance = instance(id);
        assertThat(requests.require(id).getProcessInstanceId()).isEqualTo(instance.getId());

        // then every check ran, the pre-screen found no failure, and the round is open for all five reviewers
        BpmnAwareTests.assertThat(instance)
                .hasBusinessKey(id)
                .hasPassed(CHECK_PREFIX + 1, CHECK_PREFIX + 2, CHECK_PREFIX + 3, CHECK_PREFIX + 4, CHECK_PREFIX + 5,
                        CHECK_PREFIX + 6, CHECK_PREFIX + 7, CHECK_PREFIX + 8, CHECK_PREFIX + 9, PRESCREEN, OPEN_ROUND)
                .hasNotPassed(PRESCREEN_DECISION)
                .isWaitingAt(VOTE);
        BpmnAwareTests.assertThat(instance).variables()
                .containsEntry(MembershipProcess.Variables.ROUTE, MembershipProcess.Routes.REVIEW)
                // the nine outcomes fed the pre-screen decision in the filing's transaction and were not stored
                .doesNotContainKeys(MembershipProcess.Variables.outcome(1), MembershipProcess.Variables.outcome(3));
        assertThat(read("admin", id).path("criteria").get(0).path("check").path("outcome").asText()).isEqualTo("MANUAL");
        assertThat(read("admin", id).path("criteria").get(2).path("check").path("outcome").asText()).isEqualTo("PASS");
        assertThat(assignees(voteTasks(instance))).containsExactlyInAnyOrderElementsOf(REVIEWERS);
        assertThat(status(id)).isEqualTo(RequestStatus.IN_REVIEW);

        // when three reviewers approve
        for (String reviewer : List.of("reviewer1", "reviewer2", "reviewer3")) {
            review.castVote(id, reviewer, new VoteInput("APPROVE", null, Map.of("3", "Fixes are fast.")));
        }

        // then the quorum closes the round and the objection window opens
        assertThat(voteTasks(instance)).isEmpty();
        assertThat(status(id)).isEqualTo(RequestStatus.OBJECTION_WINDOW);
        BpmnAwareTests.assertThat(instance).isWaitingAt(OBJECTION_WINDOW).hasNotPassed(ADMIN_DECISION);

        // when the window closes
        management.executeJob(timer(instance, OBJECTION_WINDOW_CLOSED).getId());

        // then (after the admin is mailed, in its own job) the admin decides
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() ->
                BpmnAwareTests.assertThat(instance).isWaitingAt(ADMIN_DECISION));
        BpmnAwareTests.assertThat(instance).hasPassed(OBJECTION_WINDOW_CLOSED);
        BpmnAwareTests.assertThat(instance).task().hasCandidateGroup("list-admins");
        assertThat(status(id)).isEqualTo(RequestStatus.AWAITING_DECISION);

        // when the requester has signed the policy, answered the challenge and been vouched for by a list member
        org.vouchsafe.support.Proofs.signAndAnswer(api, id, key);
        org.vouchsafe.vouching.TestVouchers.vouchedByNewMember(members, vouchService, id, email);
        // and the admin approves
        decisions.decide(id, new DecisionInput("APPROVED", "Meets the criteria.", null), "admin");

        // then the requester is subscribed with the distro's role
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() ->
                BpmnAwareTests.assertThat(instance).isEnded());
        BpmnAwareTests.assertThat(instance).hasPassed(ADD_TO_ROSTER, END_APPROVED);
        assertThat(status(id)).isEqualTo(RequestStatus.APPROVED);
        List<Member> added = members.findByRequestId(id);
        assertThat(added).singleElement().satisfies(member -> {
            assertThat(member.getEmail()).isEqualTo(email);
            assertThat(member.getDistro()).isEqualTo(Filings.distro(filing).get("name"));
            assertThat(member.getRoles()).extracting(Member.RoleHeld::getRoleId).containsExactly("A1");
        });
    }

    @Test
    void shouldNotLetTheSameReviewerApproveTwice() {
        // given
        String id = file(Filings.valid());
        voteOk("reviewer1", id, "APPROVE", null);

        // when
        var again = vote("reviewer1", id, "APPROVE", null);

        // then
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(read("admin", id).path("votes").path("approve").asInt()).isEqualTo(1);
        assertThat(assignees(voteTasks(instance(id)))).doesNotContain("reviewer1").hasSize(4);
    }
}
