package org.vouchsafe.workflow;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vouchsafe.incidents.ClosureOutcome;
import org.vouchsafe.incidents.IncidentMails;
import org.vouchsafe.incidents.IncidentService;
import org.vouchsafe.notification.Notifications;
import org.vouchsafe.notification.Notifications.Recipient;

import static org.vouchsafe.workflow.IncidentProcess.Activities;
import static org.vouchsafe.workflow.IncidentProcess.Variables.*;

/**
 * The thin glue of {@code processes/leak-incident.bpmn}: the task listeners hand each form's fields
 * to {@link IncidentService} (which validates and records, the same for Tasklist and REST) and drop
 * the texts from the variables, since the incident keeps them; the delegates record the overdue
 * report and send the mails. The incident is the business key, the actor the engine's sign-in or
 * our API's caller ({@link Actors}), never a variable.
 */
@Configuration
class IncidentDelegates {

    private static final Logger log = LoggerFactory.getLogger(IncidentDelegates.class);
    private static final String UNKNOWN = "unknown";

    @Bean("incidentNoticeRecorder")
    TaskListener incidentNoticeRecorder(IncidentService incidents, IdentityService identity) {
        return task -> {
            incidents.recordNotice(incidentId(task), task.getVariable(NOTIFIED_AT), Actors.of(task, identity, UNKNOWN));
            removeStored(task, NOTIFIED_AT);
        };
    }

    @Bean("incidentReportRecorder")
    TaskListener incidentReportRecorder(IncidentService incidents, IdentityService identity) {
        return task -> {
            incidents.recordReport(incidentId(task), text(task, EXTENT), text(task, MEASURES), Actors.of(task, identity, UNKNOWN));
            removeStored(task, EXTENT, MEASURES);
        };
    }

    @Bean("incidentJudgementRecorder")
    TaskListener incidentJudgementRecorder(IncidentService incidents, IdentityService identity) {
        return task -> {
            ClosureOutcome decided = incidents.recordJudgement(incidentId(task), task.getVariable(CLOSURE_OUTCOME),
                    task.getVariable(CLOSURE_NOTE), Actors.of(task, identity, UNKNOWN));
            removeStored(task, CLOSURE_NOTE);
            // The gateway after the task routes by the recorded outcome, exactly spelled.
            task.getExecution().getProcessInstance().setVariable(CLOSURE_OUTCOME, decided.name());
        };
    }

    @Bean("incidentOverdueRecorder")
    TaskListener incidentOverdueRecorder(IncidentService incidents, IdentityService identity) {
        return task -> {
            boolean escalate = incidents.recordOverdueAction(incidentId(task), task.getVariable(OVERDUE_ACTION),
                    task.getVariable(OVERDUE_NOTE), Actors.of(task, identity, UNKNOWN));
            removeStored(task, OVERDUE_NOTE);
            task.getExecution().getProcessInstance().setVariable(OVERDUE_ACTION, escalate ? "ESCALATE" : "WAIT");
        };
    }

    /** The report deadline passed: the incident records it (the timer's job runs this). */
    @Bean("incidentOverdue")
    JavaDelegate incidentOverdue(IncidentService incidents) {
        return execution -> incidents.recordOverdue(execution.getProcessBusinessKey());
    }

    /**
     * The incident's mails, by task id. The admins' mails are encrypted to the list's key; the
     * reminder goes to the accounts of the distro's group, signed only, naming the incident by id.
     */
    @Bean("incidentMail")
    JavaDelegate incidentMail(IncidentMails mails, Notifications notifications, IdentityService identity) {
        return execution -> {
            String incidentId = execution.getProcessBusinessKey();
            String scope = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
            switch (execution.getCurrentActivityId()) {
                case Activities.MAIL_ADMINS -> send(notifications, NotificationDelegate.admins(identity), scope,
                        mails.reported(incidentId), true);
                case Activities.MAIL_OVERDUE -> send(notifications, NotificationDelegate.admins(identity), scope,
                        mails.overdue(incidentId), true);
                case Activities.MAIL_REMINDER -> {
                    List<Recipient> members = distroMembers(execution, identity);
                    if (members.isEmpty()) {
                        log.warn("Incident {}: no account of the reporting distro has an e-mail address; no reminder sent",
                                incidentId);
                    }
                    send(notifications, members, scope, mails.reminder(incidentId), false);
                }
                default -> throw new IllegalStateException("No incident mail at " + execution.getCurrentActivityId());
            }
        };
    }

    private static void send(Notifications notifications, List<Recipient> to, String scope, IncidentMails.Mail mail,
                             boolean encrypted) {
        if (encrypted) {
            notifications.toListAdminsEncrypted(to, scope, null, mail.subject(), mail.body());
        } else {
            notifications.signedOnlyTo(to, scope, null, mail.subject(), mail.body());
        }
    }

    private static List<Recipient> distroMembers(DelegateExecution execution, IdentityService identity) {
        String group = "distro-" + execution.getVariable(DISTRO_ID);
        return identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
                .filter(u -> u.getEmail() != null && !u.getEmail().isBlank())
                .map(u -> NotificationDelegate.recipient(u, u.getId())).toList();
    }

    private static String incidentId(DelegateTask task) {
        return task.getExecution().getProcessBusinessKey();
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** Tasklist stores a form's fields as variables; the incident keeps what matters, so they go. */
    private static void removeStored(DelegateTask task, String... names) {
        for (String name : names) {
            TypedValue value = task.getVariableTyped(name);
            if (value != null && !value.isTransient()) {
                task.removeVariable(name);
            }
        }
    }
}
