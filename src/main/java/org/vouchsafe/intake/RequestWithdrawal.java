package org.vouchsafe.intake;

import java.util.Map;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.problem.ConcurrentUpdateException;
import org.vouchsafe.problem.ConflictException;
import org.vouchsafe.problem.InvalidInputException;

/**
 * The applicant withdraws an open request. The reason is checked and kept, the act audited, and
 * the process model does the rest in the same transaction: it ends the membership process with
 * the vouching and challenge processes it called, enters {@code WITHDRAWN} (through
 * {@link RequestStatusService}, the status's one owner) and tells the reviewers who were asked.
 * A withdrawn request is closed, so the distro may file again.
 */
@Service
public class RequestWithdrawal {

    /** Long enough for a paragraph; longer reasons belong in a reply or a new filing. */
    public static final int MAX_REASON = 2000;

    /** A job of the request (a mail, a called process's step) may change the same instance at that moment. */
    private static final int ATTEMPTS = 8;

    private final Requests requests;
    private final RequestWorkflow workflow;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    RequestWithdrawal(Requests requests, RequestWorkflow workflow, AuditLog audit,
                      PlatformTransactionManager transactionManager) {
        this.requests = requests;
        this.workflow = workflow;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Withdraws the request on behalf of {@code applicant}, who the caller has checked filed it.
     *
     * @return the request, now {@code WITHDRAWN}
     */
    public MembershipRequest withdraw(String requestId, String applicant, String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("reason", "is required: say in a sentence why the request is withdrawn.");
        }
        if (text.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "is longer than " + MAX_REASON + " characters; shorten it.");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(tx -> withdrawOnce(requestId, applicant, text));
            } catch (ConcurrentUpdateException | OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("The request was being changed at the same moment; please withdraw "
                            + "it again.");
                }
            }
        }
    }

    private MembershipRequest withdrawOnce(String requestId, String applicant, String text) {
        MembershipRequest request = requests.require(requestId);
        if (request.getStatus().isDecided()) {
            throw new ConflictException("The request is " + request.getStatus() + "; only an undecided request can be "
                    + "withdrawn.");
        }
        request.recordWithdrawal(text);
        audit.record(applicant, AuditAction.REQUEST_WITHDRAWN, requestId, "Withdrew the request",
                Map.of("reason", text), true);
        if (!workflow.withdraw(requestId)) {
            throw new ConflictException("Request " + requestId + " has no running process to withdraw from; "
                    + "ask the list admin.");
        }
        return request;
    }
}
