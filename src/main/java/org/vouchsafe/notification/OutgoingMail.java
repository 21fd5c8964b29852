package org.vouchsafe.notification;

import java.util.Optional;

/**
 * One mail to send.
 *
 * @param idempotencyKey     chosen by the caller, stable across retries (e.g. {@code challenge-issued:<request>:<fingerprint>});
 *                           a mail with a key already used is not sent again
 * @param recipient          the address to send to
 * @param subject            a single line
 * @param body               plain text
 * @param recipientPublicKey the recipient's armored certificate, or null to send signed only
 */
public record OutgoingMail(String idempotencyKey, String recipient, String subject, String body,
        String recipientPublicKey) {

    /** A mail signed by the list key but not encrypted. */
    public static OutgoingMail signedOnly(String idempotencyKey, String recipient, String subject, String body) {
        return new OutgoingMail(idempotencyKey, recipient, subject, body, null);
    }

    /** The recipient's key, when the mail is to be encrypted. */
    public Optional<String> encryptTo() {
        return Optional.ofNullable(recipientPublicKey).filter(k -> !k.isBlank());
    }
}
