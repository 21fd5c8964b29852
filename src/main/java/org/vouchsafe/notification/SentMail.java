package org.vouchsafe.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The record that a mail with this idempotency key was sent (or is being sent). */
@Entity
@Table(name = "sent_mail")
class SentMail {

    static final String SENDING = "SENDING";
    static final String SENT = "SENT";

    @Id
    @Column(name = "idempotency_key", length = 200)
    private String idempotencyKey;

    @Column(nullable = false, length = 320)
    private String recipient;

    @Column(nullable = false, length = 998)
    private String subject;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(nullable = false, length = 16)
    private String transport;

    @Column(name = "reserved_at", nullable = false)
    private Instant reservedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected SentMail() {
        // for JPA
    }

    SentMail(String idempotencyKey, String recipient, String subject, String transport, Instant reservedAt) {
        this.idempotencyKey = idempotencyKey;
        this.recipient = recipient;
        this.subject = subject;
        this.transport = transport;
        this.reservedAt = reservedAt;
        this.status = SENDING;
    }

    void sent(Instant at) {
        status = SENT;
        sentAt = at;
    }

    String getStatus() {
        return status;
    }
}
