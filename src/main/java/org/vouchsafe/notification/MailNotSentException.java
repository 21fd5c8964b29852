package org.vouchsafe.notification;

/**
 * The mail could not be delivered; nothing was recorded, so a retry sends it. Thrown on purpose
 * so that an asynchronous job retries and, once out of retries, becomes an incident.
 */
public class MailNotSentException extends RuntimeException {

    public MailNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
