package org.vouchsafe.vouching;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.intake.NamedVoucher;
import org.vouchsafe.problem.ConflictException;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.NotFoundException;

/**
 * A list admin adds a voucher to an open request, or replaces one who has not vouched (gone
 * silent, unsuitable). The new voucher is asked at once; a member also gets a Tasklist task.
 */
@Service
public class VoucherAdminService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final Requests requests;
    private final VouchRepository vouches;
    private final VouchingRounds rounds;
    private final AuditLog audit;
    private final VouchingWorkflow workflow;

    VoucherAdminService(Requests requests, VouchRepository vouches, VouchingRounds rounds,
                        AuditLog audit, @Lazy VouchingWorkflow workflow) {
        this.requests = requests;
        this.vouches = vouches;
        this.rounds = rounds;
        this.audit = audit;
        this.workflow = workflow;
    }

    /** Body of {@code POST /api/requests/{id}/vouchers}; {@code replaces} is the address of the voucher to replace, or null. */
    public record VoucherChange(String name, String email, String vouchesFor, String replaces, String reason) {
    }

    @Transactional
    public NamedVoucher change(String requestId, VoucherChange change, String admin) {
        MembershipRequest request = requests.find(requestId)
                .orElseThrow(() -> new NotFoundException("No membership request " + requestId + "."));
        if (request.getStatus().isClosed()) {
            throw new ConflictException("The request is " + request.getStatus() + "; vouchers change only while it is open.");
        }
        if (change == null || change.name() == null || change.name().isBlank() || change.name().length() > 200) {
            throw new InvalidInputException("name", "is required, at most 200 characters.");
        }
        if (change.email() == null || !EMAIL.matcher(change.email().trim()).matches() || change.email().length() > 320) {
            throw new InvalidInputException("email", "must be the voucher's e-mail address.");
        }
        String email = VouchStatements.normalise(change.email());
        String vouchesFor = VouchStatements.normalise(change.vouchesFor());
        if (request.getRequesters().stream().noneMatch(r -> VouchStatements.normalise(r.getEmail()).equals(vouchesFor))) {
            throw new InvalidInputException("vouchesFor", "must be the address of a requester of this request.");
        }
        if (email.equals(vouchesFor)) {
            throw new InvalidInputException("email", "Nobody can vouch for themselves.");
        }
        if (request.getVouchers().stream().anyMatch(v -> VouchStatements.normalise(v.getEmail()).equals(email)
                && VouchStatements.normalise(v.getVouchesFor()).equals(vouchesFor))) {
            throw new ConflictException(email + " is already named to vouch for " + vouchesFor + ".");
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("voucher", email);
        details.put("vouchesFor", vouchesFor);
        if (change.reason() != null && !change.reason().isBlank()) {
            details.put("reason", change.reason().length() > 2000 ? change.reason().substring(0, 2000) : change.reason().trim());
        }
        Optional<NamedVoucher> replaced = Optional.empty();
        if (change.replaces() != null && !change.replaces().isBlank()) {
            String old = VouchStatements.normalise(change.replaces());
            NamedVoucher previous = request.getVouchers().stream()
                    .filter(v -> VouchStatements.normalise(v.getEmail()).equals(old)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("replaces", old + " is not a voucher of this request."));
            if (vouches.findByRequestIdOrderByRecordedAt(requestId).stream().anyMatch(v -> v.getVoucherEmail().equals(old))) {
                throw new ConflictException(old + " has already vouched; a signed vouch stands and is not replaced.");
            }
            replaced = Optional.of(previous);
            details.put("replaces", old);
        }
        NamedVoucher added = new NamedVoucher(change.name().trim(), email, vouchesFor);
        requests.nameVoucher(requestId, added, replaced.orElse(null));
        audit.record(admin, AuditAction.ADMIN_OVERRIDE, requestId, replaced.map(p -> "Replaced voucher " + p.getEmail()
                + " by " + email).orElse("Added voucher " + email) + " for " + vouchesFor, details, true);
        replaced.ifPresent(p -> workflow.invitationWithdrawn(requestId, p.getId()));
        rounds.ask(request, added);
        if (rounds.isMember(email)) {
            workflow.memberVoucherAdded(requestId, added.getId());
        }
        return added;
    }
}
