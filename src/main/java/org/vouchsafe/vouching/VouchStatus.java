package org.vouchsafe.vouching;

/** Whether a vouch counts towards criterion 9. */
public enum VouchStatus {
    /** Verified and, for a veteran, confirmed: it counts. */
    COUNTING,
    /** A veteran's vouch waiting for a list admin to confirm the evidence. */
    AWAITING_CONFIRMATION,
    /** A list admin found the veteran's evidence insufficient; it does not count. */
    NOT_CONFIRMED
}
