package org.vouchsafe.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The record that a mail with this idempotency key was sent (or is being sent). */
@Entity
@Table(name = "sent_mail")
class SentMail implements org.springframework.data.domain.Persistable<String> {

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

    /**
     * New until stored or loaded: the key is the idempotency key, given, so without this Spring Data
     * would take the entity for an existing one and read it before every insert.
     */
    @jakarta.persistence.Transient
    private boolean fresh = true;

    @Override
    public boolean isNew() {
        return fresh;
    }

    @jakarta.persistence.PostPersist
    @jakarta.persistence.PostLoad
    void stored() {
        fresh = false;
    }

    SentMail(String idempotencyKey, String recipient, String subject, String transport, Instant reservedAt) {
        this.idempotencyKey = idempotencyKey;
        this.recipient = recipient;
        this.subject = subject;
        this.transport = transport;
        this.reservedAt = reservedAt;
        this.status = SENDING;
    }

    @Override
    public String getId() {
        return idempotencyKey;
    }

    String getStatus() {
        return status;
    }
}
