package org.vouchsafe.vouching;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.criteria.CheckOutcome;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.criteria.CriteriaService;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.intake.NamedVoucher;
import org.vouchsafe.intake.Requester;
import org.vouchsafe.membership.Member;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.problem.ConflictException;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.NotFoundException;

/**
 * The vouching of one request from start to end, as the vouching process drives it: open (deadline,
 * requests to the named vouchers), remind those who have not vouched, close at the deadline or when
 * everyone is vouched for. Also the facts the process's tasks and forms show.
 */
@Service
public class VouchingRounds {

    private final Requests requests;
    private final VouchingRoundRepository rounds;
    private final VouchRepository vouches;
    private final MemberRepository members;
    private final VouchMails mails;
    private final VouchStatements statements;
    private final CriteriaService criteria;
    private final VouchingProperties properties;
    private final AuditLog audit;
    private final VouchingWorkflow workflow;
    private final Clock clock;

    VouchingRounds(Requests requests, VouchingRoundRepository rounds, VouchRepository vouches,
                   MemberRepository members, VouchMails mails, VouchStatements statements, CriteriaService criteria,
                   VouchingProperties properties, AuditLog audit, @Lazy VouchingWorkflow workflow,
                   Clock clock) {
        this.audit = audit;
        this.workflow = workflow;
        this.requests = requests;
        this.rounds = rounds;
        this.vouches = vouches;
        this.members = members;
        this.mails = mails;
        this.statements = statements;
        this.criteria = criteria;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Opens the round (idempotent: a retried job keeps the first deadline) and asks every named
     * voucher by mail.
     *
     * @return the deadline
     */
    @Transactional
    public Instant open(String requestId) {
        MembershipRequest request = request(requestId);
        Instant now = clock.instant();
        VouchingRound round = rounds.findById(requestId)
                .orElseGet(() -> rounds.save(new VouchingRound(requestId, now, now.plus(properties.deadline()))));
        for (NamedVoucher voucher : request.getVouchers()) {
            ask(request, voucher);
        }
        criteria.run(requestId, 9);
        return round.getDeadlineAt();
    }

    /** Asks one named voucher (also when a list admin adds them later). */
    void ask(MembershipRequest request, NamedVoucher voucher) {
        requester(request, voucher.getVouchesFor()).ifPresent(r -> mails.ask(request, voucher, r, isMember(voucher.getEmail())));
    }

    /** Reminds every named voucher who has not vouched for the person they were named for. */
    @Transactional
    public int remind(String requestId) {
        MembershipRequest request = request(requestId);
        Set<String> done = vouched(requestId);
        int reminded = 0;
        for (NamedVoucher voucher : request.getVouchers()) {
            Optional<Requester> requester = requester(request, voucher.getVouchesFor());
            if (!done.contains(key(voucher)) && requester.isPresent()) {
                mails.remind(request, voucher, requester.get(), isMember(voucher.getEmail()));
                reminded++;
            }
        }
        return reminded;
    }

    /**
     * A list admin reopens vouching that its deadline closed, until {@code deadline}: criterion 9 is
     * checked again (PENDING unless someone is vouched for), the act audited, and the waiting vouching
     * process asks the named vouchers again. 400 naming {@code deadline} unless it lies in the future;
     * 409 while vouching is still open or closed because everyone is vouched for, or once the request
     * is decided or withdrawn.
     *
     * @return criterion 9 as it stands now
     */
    @Transactional
    public CheckResult reopen(String requestId, Instant deadline, String admin) {
        MembershipRequest request = request(requestId);
        Instant now = clock.instant();
        if (deadline == null) {
            throw new InvalidInputException("deadline", "is required: the new deadline as an ISO-8601 instant in the "
                    + "future, such as 2027-01-31T00:00:00Z.");
        }
        if (!deadline.isAfter(now)) {
            throw new InvalidInputException("deadline", "must lie in the future (it is " + now + " now).");
        }
        if (request.getStatus().isDecided()) {
            throw new ConflictException("The request is " + request.getStatus() + "; vouching is reopened only for an "
                    + "undecided request.");
        }
        VouchingRound round = rounds.findById(requestId).orElseThrow(() -> new ConflictException(
                "Vouching of request " + requestId + " has not started; nothing to reopen."));
        if (!round.deadlinePassed()) {
            throw new ConflictException(round.getClosedBecause() == VouchingRound.Closure.ALL_VOUCHED
                    ? "Vouching of request " + requestId + " closed because every requester is vouched for; nothing "
                    + "to reopen."
                    : "Vouching of request " + requestId + " is open until " + round.getDeadlineAt() + "; only vouching "
                    + "closed by its deadline can be reopened.");
        }
        Instant previous = round.getDeadlineAt();
        round.reopen(deadline);
        rounds.flush();
        CheckResult check = criteria.run(requestId, 9);
        audit.record(admin, AuditAction.VOUCHING_REOPENED, requestId, "Reopened vouching until " + deadline,
                Map.of("deadline", deadline.toString(), "previousDeadline", previous.toString()), true);
        if (!workflow.reopened(requestId)) {
            throw new ConflictException("No vouching process of request " + requestId + " waits to be reopened (it was "
                    + "started by an earlier version of the model); add a voucher instead.");
        }
        return check;
    }

    /**
     * Run by the vouching process after a reopening: asks every named voucher who has not vouched
     * again, once per reopening.
     *
     * @return the new deadline
     */
    @Transactional
    public Instant askAgain(String requestId) {
        MembershipRequest request = request(requestId);
        VouchingRound round = rounds.findById(requestId)
                .orElseThrow(() -> new IllegalStateException("request " + requestId + " has no vouching round"));
        Set<String> done = vouched(requestId);
        for (NamedVoucher voucher : request.getVouchers()) {
            Optional<Requester> requester = requester(request, voucher.getVouchesFor());
            if (!done.contains(key(voucher)) && requester.isPresent()) {
                mails.askAgain(request, voucher, requester.get(), isMember(voucher.getEmail()), round.getDeadlineAt());
            }
        }
        return round.getDeadlineAt();
    }

    /** "voucher requester" for every vouch made on the request, normalised as named vouchers' {@link #key}. */
    private Set<String> vouched(String requestId) {
        return vouches.findByRequestIdOrderByRecordedAt(requestId).stream()
                .map(v -> v.getVoucherEmail() + " " + v.getRequesterEmail()).collect(Collectors.toSet());
    }

    private static String key(NamedVoucher voucher) {
        return VouchStatements.normalise(voucher.getEmail()) + " " + VouchStatements.normalise(voucher.getVouchesFor());
    }

    /**
     * Closes the round and re-runs criterion 9: at the deadline it fails unless someone is vouched for.
     *
     * @return the criterion's outcome
     */
    @Transactional
    public CheckOutcome close(String requestId, boolean deadline) {
        Instant now = clock.instant();
        VouchingRound round = rounds.findById(requestId)
                .orElseGet(() -> rounds.save(new VouchingRound(requestId, now, now)));
        round.close(deadline ? VouchingRound.Closure.DEADLINE : VouchingRound.Closure.ALL_VOUCHED, now);
        rounds.flush();
        return criteria.run(requestId, 9).outcome();
    }

    /**
     * The named vouchers who are on the roster and have not vouched yet: each gets a Tasklist task
     * (ids of {@link NamedVoucher}); after a reopening, those who vouched are not asked again.
     */
    @Transactional(readOnly = true)
    public List<String> memberInvitations(String requestId) {
        Set<String> done = vouched(requestId);
        return request(requestId).getVouchers().stream().filter(v -> isMember(v.getEmail()))
                .filter(v -> !done.contains(key(v))).map(NamedVoucher::getId).toList();
    }

    /** One named voucher of a request. */
    @Transactional(readOnly = true)
    public NamedVoucher invitation(String requestId, String invitationId) {
        return request(requestId).getVouchers().stream().filter(v -> v.getId().equals(invitationId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Request " + requestId + " names no voucher " + invitationId + "."));
    }

    /** The statement the named voucher signs, for their Tasklist form. */
    @Transactional(readOnly = true)
    public String statement(String requestId, String invitationId) {
        MembershipRequest request = request(requestId);
        NamedVoucher voucher = invitation(requestId, invitationId);
        return requester(request, voucher.getVouchesFor()).map(r -> statements.text(request, voucher.getEmail(), r))
                .orElse("The person this voucher was named for is no longer a requester.");
    }

    boolean isMember(String email) {
        return members.findByEmailIgnoreCase(VouchStatements.normalise(email)).filter(Member::isSubscribed).isPresent();
    }

    private static Optional<Requester> requester(MembershipRequest request, String email) {
        String wanted = VouchStatements.normalise(email);
        return request.getRequesters().stream().filter(r -> VouchStatements.normalise(r.getEmail()).equals(wanted)).findFirst();
    }

    private MembershipRequest request(String requestId) {
        return requests.find(requestId)
                .orElseThrow(() -> new NotFoundException("No membership request " + requestId + "."));
    }
}
