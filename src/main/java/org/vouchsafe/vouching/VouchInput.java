package org.vouchsafe.vouching;

import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /api/requests/{id}/vouches}. Members may leave out {@code publicKey},
 * {@code firstActivity} and {@code evidence}: their key on the roster is used.
 */
public record VouchInput(Voucher voucher, String requester, String strength, String statement, String signature,
                         String comment) {

    /** The person vouching. */
    public record Voucher(String name, String email, String affiliation, String publicKey, LocalDate firstActivity,
                          List<String> evidence) {
    }
}
