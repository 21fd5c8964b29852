package org.vouchsafe.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;
import org.vouchsafe.review.ReviewService;
import org.vouchsafe.review.Tally;

import static org.vouchsafe.workflow.MembershipProcess.Variables.*;

/**
 * Records a vote when its task completes, whether from Tasklist or the REST API, and updates
 * the round's counters that the multi-instance completion condition reads.
 *
 * <p>Where the vote comes from: the REST API completes the task with transient variables
 * (never written to the database); Tasklist's form submission stores the form's fields as
 * ordinary variables, which, as the task declares no local inputs, land on the process
 * instance. The listener removes those at once, in the same transaction, so that no vote
 * outlives its task and the next reviewer's form never shows someone else's vote. (The task
 * used to declare 13 empty local inputs for this; each cost an insert and a delete in the
 * variable tables and their history for every reviewer of every request, whether they wrote
 * notes or not: docs/performance.md, P1.)
 */
@Component("voteRecorder")
class VoteRecorder implements TaskListener {

    private final ReviewService review;

    VoteRecorder(ReviewService review) {
        this.review = review;
    }

    @Override
    public void notify(DelegateTask task) {
        String requestId = (String) task.getVariable(REQUEST_ID);
        Object notes = task.getVariable(CRITERIA_NOTES);
        String notesJson = notes != null ? notes.toString() : review.notesJson(formNotes(task));
        Tally tally = review.recordVote(requestId, task.getAssignee(), (String) task.getVariable(VOTE),
                (String) task.getVariable(VOTE_COMMENT), notesJson);
        DelegateExecution instance = task.getExecution().getProcessInstance();
        instance.setVariable(APPROVE_COUNT, tally.approve());
        instance.setVariable(OBJECT_COUNT, tally.object());
        instance.setVariable(NEEDS_INFO_COUNT, tally.needsInfo());
        removeStored(task);
    }

    static final List<String> VOTE_FIELDS = List.of(VOTE, VOTE_COMMENT, CRITERIA_NOTES,
            "note1", "note2", "note3", "note4", "note5", "note6", "note7", "note8", "note9");

    private static void removeStored(DelegateTask task) {
        for (String name : VOTE_FIELDS) {
            TypedValue value = task.getVariableTyped(name);
            if (value != null && !value.isTransient()) {
                task.removeVariable(name);
            }
        }
    }

    /** The vote form has one optional note field per criterion, {@code note1} to {@code note9}. */
    private static Map<String, String> formNotes(DelegateTask task) {
        Map<String, String> notes = new LinkedHashMap<>();
        for (int n = 1; n <= 9; n++) {
            Object note = task.getVariable("note" + n);
            if (note != null && !note.toString().isBlank()) {
                notes.put(String.valueOf(n), note.toString().trim());
            }
        }
        return notes;
    }
}
