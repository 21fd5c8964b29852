package org.vouchsafe.vouching;

/** How well the voucher knows the person, strongest first. */
public enum VouchStrength {
    /** Worked with them on security issues. */
    WORKED_CLOSELY,
    /** Knows their work (fixes, advisories, postings) well. */
    KNOWS_WORK,
    /** Has crossed paths with them (a thread, a conference). */
    CROSSED_PATHS
}
