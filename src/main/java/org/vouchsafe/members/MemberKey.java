package org.vouchsafe.members;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member's current key, once they uploaded one after the filing (a renewal or a successor). */
@Entity
@Table(name = "member_key")
class MemberKey {

    @Id
    @Column(name = "member_id")
    private String memberId;

    @Column(name = "public_key", nullable = false)
    private String publicKey;

    @Column(nullable = false)
    private String fingerprint;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected MemberKey() {
    }

    MemberKey(String memberId, String publicKey, String fingerprint, Instant updatedAt) {
        this.memberId = memberId;
        this.publicKey = publicKey;
        this.fingerprint = fingerprint;
        this.updatedAt = updatedAt;
    }

    String getPublicKey() { return publicKey; }

    void replace(String publicKey, String fingerprint, Instant at) {
        this.publicKey = publicKey;
        this.fingerprint = fingerprint;
        this.updatedAt = at;
    }
}
