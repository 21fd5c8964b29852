package org.vouchsafe.vouching;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.vouchsafe.problem.NotFoundException;

/**
 * What a voucher without an account is told. Anyone who knows a request id can call the two
 * anonymous endpoints, so their answers must not tell who is named as a voucher, who is a
 * requester, or what state the request is in:
 * <ol>
 * <li>the body's shape (fields, formats, a self-vouch) is judged on the body alone;</li>
 * <li>then the signature, over the statement as sent, by the key sent (or the key on file): any
 *     failure is {@link VouchRefusal#SIGNATURE_NOT_VERIFIED}, before anything about the request is
 *     looked at;</li>
 * <li>then eligibility: every refusal is the one {@link VouchRefusal#NOT_ACCEPTED}, and its reason is
 *     recorded for the list admins and the applicant (audit trail, timeline).</li>
 * </ol>
 * The statement is served for any well-formed voucher address (checking eligibility there would
 * tell who is named); a request id and requester that do not belong together get the same 404 as
 * an unknown request. Signed-in paths (Tasklist, {@link VouchService} itself) keep the specific
 * reasons.
 */
@Service
class PublicVouching {

    private static final Logger log = LoggerFactory.getLogger(PublicVouching.class);

    /** The one answer for a statement that cannot be served: unknown request, or not a requester of it. */
    static final String NO_STATEMENT = "There is no vouch statement for this request and these addresses. Check the "
            + "request id and the two addresses (voucher, for) against the invitation you received.";

    /** The one answer to a refused vouch whose signature verified; the same words whatever the request. */
    private static final Supplier<VouchRefusedException> NOT_ACCEPTED = () -> new VouchRefusedException(
            VouchRefusal.NOT_ACCEPTED, "", "This vouch cannot be accepted. Check that you were asked to vouch on this "
            + "request, for this person, and that you signed, unchanged, the statement served at GET "
            + "/api/requests/{id}/vouches/statement?voucher={your address}&for={theirs}. The applicant and the list "
            + "admin can see why it was refused; ask them if it keeps failing.");

    private final VouchService vouches;

    PublicVouching(VouchService vouches) {
        this.vouches = vouches;
    }

    /** The statement to sign; a request and requester that do not belong together answer like an unknown request. */
    String statement(String requestId, String voucherEmail, String requesterEmail) {
        try {
            return vouches.statement(requestId, voucherEmail, requesterEmail);
        } catch (NotFoundException e) {
            throw new NotFoundException(NO_STATEMENT);
        } catch (VouchRefusedException e) {
            if (e.reason() == VouchRefusal.NOT_A_REQUESTER) {
                throw new NotFoundException(NO_STATEMENT);
            }
            throw e;
        }
    }

    /** A vouch sent without an account, answered as the class describes. */
    Vouch submit(String requestId, VouchInput input) {
        vouches.checkShape(input);
        SignedVouch signed;
        try {
            signed = vouches.verifySignature(requestId, input);
        } catch (VouchRefusedException e) {
            throw new VouchRefusedException(VouchRefusal.SIGNATURE_NOT_VERIFIED, "signature", notVerified(input, e));
        }
        try {
            return vouches.submit(requestId, input, signed);
        } catch (VouchRefusedException e) {
            log.info("Refused a vouch on request {}: {}", requestId, e.reason());
            vouches.recordRefusal(requestId, input, signed, e);
            throw NOT_ACCEPTED.get();
        } catch (NotFoundException e) {
            // No request to record the refusal against; the caller learns no more than for a known one.
            log.info("Refused a vouch on unknown request {}", requestId);
            throw NOT_ACCEPTED.get();
        }
    }

    /**
     * With a key sent, the verification depended on the body alone, so its own message (wrong key,
     * changed text, weak hash, clock in the future...) tells nothing stored and helps the voucher.
     * Without one, the key on file (or its absence) decided: one fixed sentence for every case.
     */
    private static String notVerified(VouchInput input, VouchRefusedException e) {
        String key = input.voucher().publicKey();
        if (key != null && !key.isBlank()) {
            return "The signature does not verify against the key you sent. " + e.sentence();
        }
        return "The signature does not verify against a key on file for your address. Send your public key in "
                + "voucher.publicKey (gpg --armor --export <your fingerprint>) and sign the statement with it "
                + "(gpg --armor --detach-sign statement.txt).";
    }

}
