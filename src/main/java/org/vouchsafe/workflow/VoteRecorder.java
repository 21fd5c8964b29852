package org.vouchsafe.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;
import org.vouchsafe.problem.ForbiddenException;
import org.vouchsafe.review.ReviewService;
import org.vouchsafe.review.Tally;
import org.vouchsafe.review.VoteInput;

import static org.vouchsafe.workflow.MembershipProcess.Variables.*;

/**
 * Records a vote when its task completes, whether from Tasklist or the REST API (which completes
 * the same task with the same fields), and hands the round's counts to the multi-instance
 * completion condition ({@link RoundCounts}). All the rules of a vote are in {@link ReviewService#recordVote};
 * what this listener adds is who and on what, taken from the engine rather than from anything
 * the submission could set: the request is the process's business key, the voter is the
 * reviewer this task instance was created for (the multi-instance element variable, which the
 * {@link TaskSubmissionGuard} keeps users from writing), and whoever completes the task must be
 * that reviewer.
 *
 * <p>Where the fields come from: the REST API completes the task with transient variables (never
 * written to the database); Tasklist's form submission stores the form's fields as ordinary
 * variables, which, as the task declares no local inputs, land on the process instance. The
 * listener removes those at once, in the same transaction, so that no vote outlives its task and
 * the next reviewer's form never shows someone else's vote. (The task used to declare 13 empty
 * local inputs for this; each cost an insert and a delete in the variable tables and their history
 * for every reviewer of every request: docs/performance.md, P1.)
 */
@Component("voteRecorder")
class VoteRecorder implements TaskListener {

    static final List<String> VOTE_FIELDS = fields();

    private final ReviewService review;
    private final IdentityService identity;

    VoteRecorder(ReviewService review, IdentityService identity) {
        this.review = review;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        String requestId = task.getExecution().getProcessBusinessKey();
        String reviewer = (String) task.getVariable(REVIEWER);
        if (reviewer == null || !reviewer.equals(task.getAssignee())) {
            throw new ForbiddenException("This vote task belongs to " + reviewer + " but is assigned to "
                    + task.getAssignee() + "; only the reviewer it was created for can vote with it.");
        }
        Actors.current(identity).filter(actor -> !actor.equals(reviewer)).ifPresent(actor -> {
            throw new ForbiddenException(actor + " cannot cast " + reviewer + "'s vote; each reviewer votes for themselves.");
        });
        Tally tally = review.recordVote(requestId, reviewer,
                new VoteInput(text(task, VOTE), text(task, VOTE_COMMENT), formNotes(task)));
        RoundCounts.set(task.getExecution().getProcessInstance(), tally);
        removeStored(task);
    }

    private static List<String> fields() {
        List<String> fields = new ArrayList<>(List.of(VOTE, VOTE_COMMENT));
        for (int n = 1; n <= 9; n++) {
            fields.add(note(n));
        }
        return List.copyOf(fields);
    }

    private static void removeStored(DelegateTask task) {
        for (String name : VOTE_FIELDS) {
            TypedValue value = task.getVariableTyped(name);
            if (value != null && !value.isTransient()) {
                task.removeVariable(name);
            }
        }
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** The vote form has one optional note field per criterion, {@code note1} to {@code note9}. */
    private static Map<String, String> formNotes(DelegateTask task) {
        Map<String, String> notes = new LinkedHashMap<>();
        for (int n = 1; n <= 9; n++) {
            String note = text(task, note(n));
            if (note != null && !note.isBlank()) {
                notes.put(String.valueOf(n), note.trim());
            }
        }
        return notes;
    }
}
