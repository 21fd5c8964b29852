package org.vouchsafe.workflow;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Filings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vote leaves no process variable behind, whichever way it is cast: the next reviewer's
 * form never shows someone else's vote, and the vote itself lives in JPA only.
 */
@VouchsafeTest
class VoteVariablesTests extends ProcessTestSupport {

    @Autowired
    FormService forms;

    @Autowired
    HistoryService history;

    @Test
    void shouldCountAVoteSubmittedThroughTheTasklistFormAndKeepNoneOfItsFields() {
        // given
        String id = file(Filings.valid());
        ProcessInstance instance = instance(id);
        Task task = voteTasks(instance).stream().filter(t -> t.getAssignee().equals("reviewer1")).findFirst().orElseThrow();

        // when: Tasklist submits the Camunda Form's fields, notes included
        Map<String, Object> fields = new HashMap<>();
        fields.put(MembershipProcess.Variables.VOTE, "APPROVE");
        fields.put(MembershipProcess.Variables.VOTE_COMMENT, "Good track record.");
        fields.put("note3", "Fixes within days.");
        fields.put("note5", "");
        forms.submitTaskForm(task.getId(), fields);

        // then the vote counts, with its note
        assertThat(read("admin", id).path("votes").path("approve").asInt()).isEqualTo(1);
        JsonNode votes = api.get("admin", "/api/requests/" + id + "/votes").json();
        assertThat(votes.get(0).path("comment").asText()).isEqualTo("Good track record.");
        assertThat(votes.get(0).path("criteria").path("3").asText()).isEqualTo("Fixes within days.");
        // and no form field is left on the process for the next reviewer's form to show
        assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys(VoteRecorder.VOTE_FIELDS.toArray(String[]::new));
        Task next = voteTasks(instance).stream().filter(t -> t.getAssignee().equals("reviewer2")).findFirst().orElseThrow();
        assertThat(tasks.getVariables(next.getId())).doesNotContainKeys(VoteRecorder.VOTE_FIELDS.toArray(String[]::new));
    }

    @Test
    void shouldNotWriteAVoteCastOverTheApiToTheVariableTablesAtAll() {
        // given
        String id = fileOverHttp(Filings.valid());
        ProcessInstance instance = instance(id);

        // when
        voteOk("reviewer1", id, "APPROVE", "Looks fine.");

        // then: the vote is stored, and neither the runtime nor the history has a vote variable
        assertThat(read("admin", id).path("votes").path("approve").asInt()).isEqualTo(1);
        assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys(VoteRecorder.VOTE_FIELDS.toArray(String[]::new));
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableNameIn(VoteRecorder.VOTE_FIELDS.toArray(String[]::new)).count()).isZero();
    }
}
