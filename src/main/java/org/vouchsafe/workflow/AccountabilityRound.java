package org.vouchsafe.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.vouchsafe.accountability.AccountabilityItem;
import org.vouchsafe.accountability.AccountabilityMails;
import org.vouchsafe.accountability.AccountabilityProperties;
import org.vouchsafe.accountability.AccountabilityService;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.catalogue.Role;

import static org.vouchsafe.workflow.AccountabilityProcess.Activities;
import static org.vouchsafe.workflow.AccountabilityProcess.Variables;

/**
 * The glue of {@code processes/role-accountability.bpmn}: the timers' dates (the deadline the item
 * states and halfway to it), the read-only summary the two forms show, and the thin delegates and
 * task listeners over {@link AccountabilityService} and {@link AccountabilityMails}. The item is
 * always the business key; the actor comes from {@link Actors}, never from a variable.
 */
@Component("accountabilityRound")
public class AccountabilityRound {

    private static final String UNKNOWN = "unknown";

    private final AccountabilityService accountability;
    private final AccountabilityProperties properties;
    private final Catalogue catalogue;

    AccountabilityRound(AccountabilityService accountability, AccountabilityProperties properties, Catalogue catalogue) {
        this.accountability = accountability;
        this.properties = properties;
        this.catalogue = catalogue;
    }

    /** The deadline timer: the answer-due instant stored with the item (ISO-8601). */
    public String due(String itemId) {
        return accountability.find(itemId).getAnswerDue().toString();
    }

    /** The reminder timer: halfway from raising to the deadline, {@code vouchsafe.accountability.answer-within} / 2. */
    public String reminderAt(String itemId) {
        AccountabilityItem item = accountability.find(itemId);
        return item.getRaisedAt().plus(properties.reminderAfter()).toString();
    }

    /** What the forms show: the request, and the answer once there is one. */
    public String summary(String itemId) {
        AccountabilityItem item = accountability.find(itemId);
        String title = catalogue.role(item.getRoleId()).map(Role::title).orElse("");
        StringBuilder text = new StringBuilder();
        text.append("Distro: ").append(item.getDistro()).append('\n')
                .append("Role: ").append(item.getRoleId()).append(title.isEmpty() ? "" : " — " + title).append('\n')
                .append("What was not done or went wrong: ").append(item.getWhat()).append('\n');
        if (item.getReference() != null) {
            text.append("Reference: ").append(item.getReference()).append('\n');
        }
        text.append("Raised by ").append(item.getRaisedBy()).append(" on ").append(item.getRaisedAt())
                .append("; answer due ").append(item.getAnswerDue()).append('\n');
        if (item.getAnsweredAt() != null) {
            text.append("\nAnswered by ").append(item.getAnsweredBy()).append(" on ").append(item.getAnsweredAt()).append('\n')
                    .append("Explanation: ").append(item.getExplanation()).append('\n')
                    .append("Correction: ").append(item.getCorrection()).append('\n');
        } else if (item.getEscalatedAt() != null) {
            text.append("\nNo answer: handed to the list admins on ").append(item.getEscalatedAt()).append('\n');
        }
        return text.toString();
    }

    /** The three mail tasks, told apart by their id; the idempotency scope is the instance and the task. */
    @Bean("accountabilityMail")
    static JavaDelegate accountabilityMail(AccountabilityMails mails, AccountabilityService accountability,
                                           IdentityService identity) {
        return execution -> {
            String itemId = execution.getProcessBusinessKey();
            String scope = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
            switch (execution.getCurrentActivityId()) {
                case Activities.MAIL_RAISED -> mails.raised(itemId, scope);
                case Activities.MAIL_REMINDER -> {
                    accountability.reminded(itemId);
                    mails.reminder(itemId, scope);
                }
                case Activities.MAIL_ESCALATION -> mails.escalated(itemId, scope, NotificationDelegate.admins(identity));
                default -> throw new IllegalStateException("No accountability mail at " + execution.getCurrentActivityId());
            }
        };
    }

    /** No answer by the deadline, or nobody left to answer: the item goes to the list admins. */
    @Bean("accountabilityEscalate")
    static JavaDelegate accountabilityEscalate(AccountabilityService accountability) {
        return execution -> accountability.escalate(execution.getProcessBusinessKey());
    }

    /** The distro's answer, from Tasklist or the REST twin: validated and recorded once, here. */
    @Bean("accountabilityAnswerRecorder")
    static TaskListener accountabilityAnswerRecorder(AccountabilityService accountability, IdentityService identity) {
        return task -> accountability.recordAnswer(task.getExecution().getProcessBusinessKey(),
                text(task.getVariable(Variables.EXPLANATION)), text(task.getVariable(Variables.CORRECTION)),
                Actors.of(task, identity, UNKNOWN));
    }

    /** The admin's closure, from Tasklist or the REST twin: validated, recorded and applied here. */
    @Bean("accountabilityClosureRecorder")
    static TaskListener accountabilityClosureRecorder(AccountabilityService accountability, IdentityService identity) {
        return task -> accountability.recordClosure(task.getExecution().getProcessBusinessKey(),
                text(task.getVariable(Variables.OUTCOME)), text(task.getVariable(Variables.NOTE)),
                Actors.of(task, identity, UNKNOWN));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
