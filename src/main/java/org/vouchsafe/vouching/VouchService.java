package org.vouchsafe.vouching;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes vouches: serves the statement to sign, verifies the signature, decides the voucher's branch
 * and eligibility, stores the vouch and re-runs criterion 9, so reviewers see the chain grow. Every
 * refusal names its {@link VouchRefusal}; what an anonymous voucher is told of it is
 * {@link PublicVouching}'s business.
 *
 * <p>A vouch is judged in three steps, each a method, so that a caller can tell which one refused:
 * {@link #checkShape} (the body alone, {@link VouchShape}), {@link #verifySignature} (the signature over
 * the statement as sent, by the key sent or the key on file, {@link VouchSignatures}) and the eligibility
 * of {@link #record(String, VouchInput, SignedVouch)} ({@link VoucherEligibility}); {@link VouchRecorder}
 * stores what they decided. This class is the facade other features and the controllers call: it holds
 * the transactions and tells the process, each part does one job inside them.
 */
@Service
public class VouchService {

    private final VouchSignatures signatures;
    private final VoucherEligibility eligibility;
    private final VouchRecorder recorder;
    private final VeteranConfirmation confirmation;
    private final VouchReader read;
    private final VouchingWorkflow workflow;
    private final Clock clock;

    VouchService(VouchSignatures signatures, VoucherEligibility eligibility, VouchRecorder recorder,
                 VeteranConfirmation confirmation, VouchReader read, @Lazy VouchingWorkflow workflow, Clock clock) {
        this.signatures = signatures;
        this.eligibility = eligibility;
        this.recorder = recorder;
        this.confirmation = confirmation;
        this.read = read;
        this.workflow = workflow;
        this.clock = clock;
    }

    /**
     * The statement {@code voucherEmail} signs to vouch for {@code requesterEmail} on this request.
     * The addresses are checked before the request is looked up, so that a malformed address gets
     * the same answer whether the request exists or not.
     */
    @Transactional(readOnly = true)
    public String statement(String requestId, String voucherEmail, String requesterEmail) {
        return read.statement(requestId, voucherEmail, requesterEmail);
    }

    /**
     * A vouch sent through the API (no account: the signature authenticates). Tells the process
     * about it: a veteran's vouch opens the admin's confirmation task, a member's closes their
     * Tasklist invitation, and the last missing vouch ends the vouching.
     */
    @Transactional
    public Vouch submit(String requestId, VouchInput input) {
        checkShape(input);
        return submit(requestId, input, verifySignature(requestId, input));
    }

    /** {@link #submit(String, VouchInput)} once the shape and the signature are checked. */
    @Transactional
    Vouch submit(String requestId, VouchInput input, SignedVouch signed) {
        Vouch vouch = record(requestId, input, signed);
        if (vouch.getStatus() == VouchStatus.AWAITING_CONFIRMATION) {
            workflow.veteranVouchAwaitsConfirmation(requestId, vouch.getId());
            return vouch;
        }
        if (vouch.getBranch() == VoucherBranch.MEMBER) {
            workflow.memberVouched(requestId, vouch.getVoucherEmail(), vouch.getRequesterEmail());
        }
        if (allVouched(requestId)) {
            workflow.allVouched(requestId);
        }
        return vouch;
    }

    /**
     * Verifies and stores a vouch without telling the process: the caller is the process itself
     * (a member's Tasklist form), which goes on by its own model.
     */
    @Transactional
    public Vouch record(String requestId, VouchInput input) {
        checkShape(input);
        return record(requestId, input, verifySignature(requestId, input));
    }

    /** What the body alone decides: required fields, formats and lengths, and that nobody vouches for themselves. */
    void checkShape(VouchInput input) {
        VouchShape.check(input);
    }

    /** The signature over the statement as sent, by the key sent or the key on file (see {@link VouchSignatures}). */
    @Transactional(readOnly = true)
    SignedVouch verifySignature(String requestId, VouchInput input) {
        return signatures.verify(requestId, input);
    }

    /**
     * Eligibility and storage once the signature verified: the request is open, the person vouched
     * for is on it, the voucher may vouch, the key that signed is theirs and the statement is the one
     * served.
     */
    @Transactional
    Vouch record(String requestId, VouchInput input, SignedVouch signed) {
        Instant now = clock.instant();
        VoucherEligibility.Admission admitted = eligibility.admit(read.request(requestId), input, signed, now);
        return recorder.store(requestId, input, signed, admitted, now);
    }

    /** Records why a vouch sent without an account was refused after its signature verified ({@link VouchRecorder}). */
    @Transactional
    void recordRefusal(String requestId, VouchInput input, SignedVouch signed, VouchRefusedException refusal) {
        recorder.recordRefusal(requestId, input, signed, refusal);
    }

    /** A list admin's verdict on a veteran's evidence; a confirmed vouch counts from now on. */
    @Transactional
    public Vouch confirm(String vouchId, boolean confirmed, String note, String admin) {
        return confirmation.confirm(vouchId, confirmed, note, admin);
    }

    @Transactional(readOnly = true)
    public List<Vouch> vouches(String requestId) {
        return read.vouches(requestId);
    }

    @Transactional(readOnly = true)
    public Optional<Vouch> vouch(String vouchId) {
        return read.vouch(vouchId);
    }

    /** The chain of a stored request as it stands. */
    @Transactional(readOnly = true)
    VouchChain chain(String requestId) {
        return read.chain(requestId);
    }

    /** Every vouch and where each requester stands in the chain. */
    @Transactional(readOnly = true)
    public VouchesView view(String requestId) {
        return read.view(requestId);
    }

    /** The chain as an SVG graph. */
    @Transactional(readOnly = true)
    public String svg(String requestId) {
        return read.svg(requestId);
    }

    @Transactional(readOnly = true)
    public boolean allVouched(String requestId) {
        return chain(requestId).allVouched();
    }
}
