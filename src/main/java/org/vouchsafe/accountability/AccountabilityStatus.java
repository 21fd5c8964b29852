package org.vouchsafe.accountability;

/**
 * Where an accountability request stands: waiting for the distro's answer; answered, or escalated
 * because nobody answered in time (both with the list admins now); closed with an outcome.
 */
public enum AccountabilityStatus {
    OPEN, ANSWERED, ESCALATED, CLOSED;

    /** Still something someone has to act on (the dashboard counts these). */
    public boolean isOpen() {
        return this != CLOSED;
    }
}
