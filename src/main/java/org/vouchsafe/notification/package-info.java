/**
 * Mail to applicants and requesters (request filed, challenge issued, reminders, questions,
 * decisions): PGP/MIME (RFC 3156) signed by the list key and encrypted to the recipient's key when
 * one is on file, sent at most once per idempotency key, through SMTP or into an outbox directory.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"intake", "membership", "pgp", "problem", "review", "system"})
package org.vouchsafe.notification;
