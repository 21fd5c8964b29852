package org.vouchsafe.vouching;

import org.vouchsafe.pgp.KeyReport;
import org.vouchsafe.pgp.SignatureVerification;

/**
 * A signature that verified over the statement as sent, by the key sent or, when none was sent,
 * the key on file for the voucher's address; eligibility decides next whether that key and that
 * statement are the right ones.
 *
 * @param verification the valid verification, with the signed text and the detached signature
 * @param fingerprint  the fingerprint of the key that signed
 * @param sentKey      the health of the key the voucher sent, judged for their address; null when none was sent
 */
record SignedVouch(SignatureVerification verification, String fingerprint, KeyReport sentKey) {
}
