package org.vouchsafe.notification;

/** What {@link MailService#send(OutgoingMail)} did. */
public enum MailDelivery {
    /** Handed to the SMTP server. */
    SENT,
    /** Written as an .eml file to the outbox (no SMTP host configured). */
    WRITTEN_TO_OUTBOX,
    /** Not sent: a mail with this idempotency key was already sent (or is being sent). */
    ALREADY_SENT
}
