package org.vouchsafe.workflow;

import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.FilingService;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives membership requests through the engine. The engine clock is frozen for each test,
 * so the one-second objection window (a timer) fires only when a test executes its job; the
 * domain clock keeps running.
 */
abstract class ProcessTestSupport {

    static final List<String> REVIEWERS = List.of("reviewer1", "reviewer2", "reviewer3", "reviewer4", "reviewer5");

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    FilingService filings;

    @Autowired
    Requests requests;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestRestTemplate rest;

    Api api;

    @BeforeEach
    void engineUnderTest() {
        AbstractAssertions.init(processEngine);
        ClockUtil.setCurrentTime(new Date());
        api = new Api(rest);
    }

    @AfterEach
    void engineClockRuns() {
        ClockUtil.reset();
    }

    /** Files through the service, as the applicant; the process runs to its first wait state. */
    String file(Map<String, Object> filing) {
        return filings.file(json.convertValue(filing, FilingRequest.class), "applicant").getId();
    }

    /** Files over HTTP, as the applicant's tooling would. */
    String fileOverHttp(Map<String, Object> filing) {
        Api.Response filed = api.post("applicant", "/api/requests", filing);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.json().path("id").asText();
    }

    ProcessInstance instance(String requestId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(MembershipProcess.PROCESS_KEY)
                .processInstanceBusinessKey(requestId).singleResult();
        assertThat(instance).as("running process of request " + requestId).isNotNull();
        return instance;
    }

    RequestStatus status(String requestId) {
        return requests.find(requestId).orElseThrow().getStatus();
    }

    JsonNode read(String user, String requestId) {
        Api.Response response = api.get(user, "/api/requests/" + requestId);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    List<Task> voteTasks(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(MembershipProcess.Activities.VOTE).list();
    }

    List<String> assignees(List<Task> list) {
        return list.stream().map(Task::getAssignee).toList();
    }

    Task adminTask(ProcessInstance instance, String activity) {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activity).singleResult();
        assertThat(task).as(activity + " task").isNotNull();
        return task;
    }

    Job timer(ProcessInstance instance, String activity) {
        Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activity).timers().singleResult();
        assertThat(job).as("timer job of " + activity).isNotNull();
        return job;
    }

    Api.Response vote(String reviewer, String requestId, String vote, String comment) {
        return api.post(reviewer, "/api/requests/" + requestId + "/votes", Api.vote(vote, comment));
    }

    void voteOk(String reviewer, String requestId, String vote, String comment) {
        Api.Response response = vote(reviewer, requestId, vote, comment);
        assertThat(response.status()).as(reviewer + " votes " + vote + ": " + response).isEqualTo(201);
    }

    Api.Response decide(String requestId, Map<String, Object> decision) {
        return api.post("admin", "/api/requests/" + requestId + "/decision", decision);
    }

    /** A request over which a reviewer objected during the round: it waits for the admin, no timer involved. */
    String awaitingDecision(Map<String, Object> filing) {
        String id = file(filing);
        voteOk("reviewer1", id, "OBJECT", "The track record links are broken.");
        assertThat(status(id)).isEqualTo(RequestStatus.AWAITING_DECISION);
        return id;
    }
}
