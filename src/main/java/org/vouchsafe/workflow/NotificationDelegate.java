package org.vouchsafe.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.vouchsafe.notification.Notifications;
import org.vouchsafe.notification.Notifications.Recipient;
import org.vouchsafe.system.Roles;

import static org.vouchsafe.workflow.MembershipProcess.Notifications.*;
import static org.vouchsafe.workflow.MembershipProcess.Variables.NOTIFICATION;

/**
 * Sends the mail of a mail task: which mail is decided by the task's id ({@link #MAILS}), not by a
 * local input variable (each cost an insert and a delete in the variable tables and their history,
 * per mail and per request: docs/performance.md, P1); a task of an older model version that still
 * names its mail in a local input {@code notification} is served by that. The tasks are asyncBefore,
 * so a failed send rolls back only this job, which retries and finally becomes an incident.
 * <p>
 * The idempotency scope is the process instance and the activity; {@link Notifications} adds the
 * occasion and the recipient. Reviewers' and admins' addresses come from Camunda's identity
 * service, the place where their accounts live.
 */
@Component("notify")
class NotificationDelegate implements JavaDelegate {

    private final Notifications notifications;
    private final IdentityService identity;
    private final TaskService tasks;
    private final HistoryService history;

    NotificationDelegate(Notifications notifications, IdentityService identity, TaskService tasks,
                         HistoryService history) {
        this.notifications = notifications;
        this.identity = identity;
        this.tasks = tasks;
        this.history = history;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String requestId = execution.getProcessBusinessKey();
        String scope = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
        Object named = execution.getVariableLocal(NOTIFICATION);
        String kind = named != null ? named.toString() : MAILS.get(execution.getCurrentActivityId());
        switch (kind) {
            case REQUEST_FILED -> notifications.requestFiled(requestId, scope);
            case CHALLENGE_ISSUED -> notifications.challengeIssued(requestId, scope);
            case CHALLENGE_REMINDER -> notifications.challengeReminder(requestId, scope);
            case QUESTIONS -> notifications.questions(requestId, scope);
            case REPLY_REMINDER -> notifications.replyReminder(requestId, scope);
            case DECISION -> notifications.decision(requestId, scope);
            case VOTE_REMINDER -> notifications.voteReminder(requestId, scope, lateReviewers(execution));
            case LATE_REVIEWERS -> notifications.lateReviewers(requestId, scope, admins(identity), lateReviewers(execution));
            case STALE_REQUEST -> notifications.staleRequest(requestId, scope, admins(identity));
            case OBJECTION_WINDOW_CLOSED -> notifications.objectionWindowClosed(requestId, scope, admins(identity));
            case WITHDRAWN -> notifications.withdrawn(requestId, scope, askedReviewers(execution));
            default -> throw new IllegalStateException("Unknown notification '" + kind + "' at "
                    + execution.getCurrentActivityId());
        }
    }

    /** The mail each mail task sends, by task id (every task with {@code ${notify}} in the models is here). */
    static final Map<String, String> MAILS = Map.ofEntries(
            Map.entry(MembershipProcess.Activities.MAIL_REQUEST_FILED, REQUEST_FILED),
            Map.entry(MembershipProcess.Activities.MAIL_PRESCREEN_REJECTION, DECISION),
            Map.entry(MembershipProcess.Activities.MAIL_VOTE_REMINDER, VOTE_REMINDER),
            Map.entry(MembershipProcess.Activities.MAIL_LATE_REVIEWERS, LATE_REVIEWERS),
            Map.entry(MembershipProcess.Activities.MAIL_QUESTIONS, QUESTIONS),
            Map.entry(MembershipProcess.Activities.MAIL_REPLY_REMINDER, REPLY_REMINDER),
            Map.entry(MembershipProcess.Activities.MAIL_STALE_REQUEST, STALE_REQUEST),
            Map.entry(MembershipProcess.Activities.MAIL_WINDOW_CLOSED, OBJECTION_WINDOW_CLOSED),
            Map.entry(MembershipProcess.Activities.MAIL_DECISION, DECISION),
            Map.entry(MembershipProcess.Activities.MAIL_WITHDRAWAL, WITHDRAWN),
            Map.entry(ChallengeProcess.Activities.MAIL_CHALLENGES, CHALLENGE_ISSUED),
            Map.entry(ChallengeProcess.Activities.MAIL_REMINDER, CHALLENGE_REMINDER));

    /** Reviewers whose vote task of this instance is still open. */
    private List<Recipient> lateReviewers(DelegateExecution execution) {
        Set<String> late = new LinkedHashSet<>();
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(MembershipProcess.Activities.VOTE).orderByTaskAssignee().asc().list()) {
            if (task.getAssignee() != null) {
                late.add(task.getAssignee());
            }
        }
        List<Recipient> recipients = new ArrayList<>();
        for (String userId : late) {
            recipients.add(recipient(identity.createUserQuery().userId(userId).singleResult(), userId));
        }
        return recipients;
    }

    /**
     * Reviewers who were given a vote task in any round of this instance, voted or not. The withdrawal
     * cancelled the open tasks before this job runs, so the engine's history is where they are found.
     */
    private List<Recipient> askedReviewers(DelegateExecution execution) {
        Set<String> asked = new LinkedHashSet<>();
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(MembershipProcess.Activities.VOTE).orderByTaskAssignee().asc().list()) {
            if (task.getAssignee() != null) {
                asked.add(task.getAssignee());
            }
        }
        List<Recipient> recipients = new ArrayList<>();
        for (String userId : asked) {
            recipients.add(recipient(identity.createUserQuery().userId(userId).singleResult(), userId));
        }
        return recipients;
    }

    /** The list admins; a reminder nobody can receive is an incident the admins see in Cockpit. */
    static List<Recipient> admins(IdentityService identity) {
        List<Recipient> admins = identity.createUserQuery().memberOfGroup(Roles.LIST_ADMINS).orderByUserId().asc()
                .list().stream().filter(u -> u.getEmail() != null && !u.getEmail().isBlank())
                .map(u -> recipient(u, u.getId())).toList();
        if (admins.isEmpty()) {
            throw new IllegalStateException("No member of group " + Roles.LIST_ADMINS + " has an e-mail address.");
        }
        return admins;
    }

    static Recipient recipient(User user, String userId) {
        if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
            throw new IllegalStateException("User " + userId + " has no e-mail address in the identity service.");
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return new Recipient(name.isEmpty() ? userId : name, user.getEmail());
    }
}
