package org.vouchsafe.vouching;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.criteria.CriteriaService;
import org.vouchsafe.problem.ConflictException;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.NotFoundException;

/**
 * A list admin's verdict on a veteran's oss-security evidence: a confirmed vouch counts from then
 * on, one not confirmed never does, and a refusal says why. Runs in the transaction of
 * {@link VouchService}.
 */
@Component
class VeteranConfirmation {

    private final VouchRepository vouches;
    private final AuditLog audit;
    private final CriteriaService criteria;
    private final Clock clock;

    VeteranConfirmation(VouchRepository vouches, AuditLog audit, CriteriaService criteria, Clock clock) {
        this.vouches = vouches;
        this.audit = audit;
        this.criteria = criteria;
        this.clock = clock;
    }

    /** A list admin's verdict on a veteran's evidence; a confirmed vouch counts from now on. */
    Vouch confirm(String vouchId, boolean confirmed, String note, String admin) {
        Vouch vouch = vouches.findById(vouchId).orElseThrow(() -> new NotFoundException("No vouch " + vouchId + "."));
        if (vouch.getStatus() != VouchStatus.AWAITING_CONFIRMATION) {
            throw new ConflictException("This vouch is " + vouch.getStatus() + "; only a vouch awaiting confirmation "
                    + "can be confirmed.");
        }
        if (!confirmed && (note == null || note.isBlank())) {
            throw new InvalidInputException("confirmationNote", "is required when the evidence does not convince: "
                    + "the voucher and reviewers must learn why.");
        }
        vouch.confirm(confirmed, admin, VouchShape.blankToNull(note), clock.instant());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("vouch", vouchId);
        details.put("voucher", vouch.getVoucherEmail());
        details.put("requester", vouch.getRequesterEmail());
        details.put("status", vouch.getStatus().name());
        if (vouch.getConfirmationNote() != null) {
            details.put("note", vouch.getConfirmationNote());
        }
        audit.record(VouchRecorder.auditActor(admin), AuditAction.VOUCH_RECORDED, vouch.getRequestId(), (confirmed
                ? "Confirmed" : "Did not confirm") + " the oss-security evidence of " + vouch.getVoucherName()
                + " vouching for " + vouch.getRequesterEmail(), details, true);
        criteria.run(vouch.getRequestId(), 9);
        return vouch;
    }
}
