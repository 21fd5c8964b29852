package org.vouchsafe.members;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A one-time link to set an account's password. Only the token's SHA-256 is kept: whoever reads
 * the database cannot use a pending link.
 */
@Entity
@Table(name = "member_invitation")
class Invitation {

    @Id
    private String id;

    @Column(nullable = false)
    private String username;

    @Column(name = "token_sha256", nullable = false)
    private String tokenSha256;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected Invitation() {
    }

    Invitation(String username, String tokenSha256, Instant createdAt, Instant expiresAt, String createdBy) {
        this.id = UUID.randomUUID().toString();
        this.username = username;
        this.tokenSha256 = tokenSha256;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.createdBy = createdBy;
    }

    String getId() { return id; }
    String getUsername() { return username; }
    Instant getExpiresAt() { return expiresAt; }
    Instant getUsedAt() { return usedAt; }
    Instant getRevokedAt() { return revokedAt; }

    boolean isOpen(Instant now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke(Instant at) {
        if (usedAt == null && revokedAt == null) {
            revokedAt = at;
        }
    }
}
