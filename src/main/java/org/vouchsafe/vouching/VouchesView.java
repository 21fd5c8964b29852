package org.vouchsafe.vouching;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/requests/{id}/vouches}: every vouch, and each requester with whether they are
 * vouched for and at which depth of the chain.
 */
public record VouchesView(String requestId, List<VouchView> vouches, List<RequesterView> requesters) {

    /** One vouch. {@code branch} is {@code MEMBER}, {@code VETERAN} or {@code TEAMMATE}. */
    public record VouchView(String id, VoucherView voucher, String requester, String branch, String strength,
                            String status, int depth, String comment, Instant signedAt, Instant recordedAt,
                            String confirmedBy, String confirmationNote) {
    }

    /** The voucher as they described themselves; a veteran's evidence is what the admin confirms. */
    public record VoucherView(String name, String email, String affiliation, String fingerprint,
                              java.time.LocalDate firstActivity, List<String> evidence) {
    }

    /** A requester and their place in the chain ({@code depth} null while not vouched for). */
    public record RequesterView(String name, String email, boolean vouched, Integer depth) {
    }

    static VouchView of(Vouch v) {
        return new VouchView(v.getId(), new VoucherView(v.getVoucherName(), v.getVoucherEmail(), v.getVoucherAffiliation(),
                v.getVoucherFingerprint(), v.getFirstActivity(), List.copyOf(v.getEvidence())), v.getRequesterEmail(),
                v.getBranch().name(), v.getStrength().name(), v.getStatus().name(), v.getDepth(), v.getComment(),
                v.getSignedAt(), v.getRecordedAt(), v.getConfirmedBy(), v.getConfirmationNote());
    }
}
