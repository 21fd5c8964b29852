package org.vouchsafe.workflow;

import java.time.Instant;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vouchsafe.criteria.CheckOutcome;
import org.vouchsafe.intake.NamedVoucher;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.vouching.VouchInput;
import org.vouchsafe.vouching.VouchService;
import org.vouchsafe.vouching.VouchingRounds;

import static org.vouchsafe.workflow.VouchingProcess.Variables.*;

/**
 * The vouching process's delegates and task listeners: thin adapters from variables to
 * {@link VouchingRounds} and {@link VouchService}.
 */
@Configuration
class VouchingDelegates {

    /** Opens the round, asks the named vouchers, and sets the deadline the timer waits for. */
    @Bean("vouchingOpen")
    JavaDelegate vouchingOpen(VouchingRounds rounds) {
        return execution -> {
            Instant deadline = rounds.open(requestId(execution));
            execution.setVariable(VOUCHING_DEADLINE, deadline.toString());
        };
    }

    /**
     * After a list admin reopened vouching: asks the named vouchers who have not vouched again and
     * sets the new deadline (stored by {@link VouchingRounds#reopen}) for the timer.
     */
    @Bean("vouchingReopen")
    JavaDelegate vouchingReopen(VouchingRounds rounds) {
        return execution -> {
            Instant deadline = rounds.askAgain(requestId(execution));
            execution.setVariable(VOUCHING_DEADLINE, deadline.toString());
        };
    }

    /** Reminds the named vouchers who have not vouched. */
    @Bean("vouchingReminder")
    JavaDelegate vouchingReminder(VouchingRounds rounds) {
        return execution -> rounds.remind(requestId(execution));
    }

    /** Closes the round (everyone vouched, or the deadline) and hands criterion 9's outcome out. */
    @Bean("vouchingClose")
    JavaDelegate vouchingClose(VouchingRounds rounds) {
        return execution -> {
            boolean deadline = "DEADLINE".equals(execution.getVariableLocal(CLOSED_BY));
            CheckOutcome outcome = rounds.close(requestId(execution), deadline);
            execution.getProcessInstance().setVariable(VOUCHING_OUTCOME, outcome.name());
        };
    }

    /**
     * A member vouched from their Tasklist form: verified like any vouch; a refusal keeps the task
     * open with the reason. Nothing to record when the task closes because they vouched through the
     * API or the admin withdrew the invitation.
     */
    @Bean("memberVouchRecorder")
    TaskListener memberVouchRecorder(VouchService vouches, VouchingRounds rounds) {
        return task -> {
            if (Boolean.TRUE.equals(task.getVariableLocal(VOUCHED_THROUGH_API))
                    || Boolean.TRUE.equals(task.getVariableLocal(INVITATION_WITHDRAWN))) {
                return;
            }
            String requestId = task.getExecution().getProcessBusinessKey();
            NamedVoucher voucher = rounds.invitation(requestId, (String) task.getVariable(INVITATION_ID));
            vouches.record(requestId, new VouchInput(
                    new VouchInput.Voucher(voucher.getName(), voucher.getEmail(), null, text(task, VOUCHER_PUBLIC_KEY), null,
                            null),
                    voucher.getVouchesFor(), text(task, STRENGTH), text(task, VOUCH_STATEMENT), text(task, VOUCH_SIGNATURE),
                    text(task, VOUCH_COMMENT)));
        };
    }

    /** A list admin confirmed (or not) a veteran's oss-security evidence. */
    @Bean("veteranConfirmationRecorder")
    TaskListener veteranConfirmationRecorder(VouchService vouches, IdentityService identity) {
        return task -> {
            String choice = text(task, CONFIRMATION);
            if (!VouchingProcess.Confirmation.CONFIRM.equals(choice) && !VouchingProcess.Confirmation.REFUSE.equals(choice)) {
                throw new InvalidInputException(CONFIRMATION, "choose CONFIRM or REFUSE.");
            }
            vouches.confirm(text(task, VOUCH_ID), VouchingProcess.Confirmation.CONFIRM.equals(choice),
                    text(task, CONFIRMATION_NOTE), Actors.of(task, identity, "list-admin"));
        };
    }

    private static String requestId(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }
}
