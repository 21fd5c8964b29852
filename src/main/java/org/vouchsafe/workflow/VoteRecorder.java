package org.vouchsafe.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vouchsafe.review.ReviewService;
import org.vouchsafe.review.Tally;

import static org.vouchsafe.workflow.MembershipProcess.Variables.*;

/**
 * Records a vote when its task completes, whether from Tasklist or the REST API, and updates
 * the round's counters that the multi-instance completion condition reads.
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
