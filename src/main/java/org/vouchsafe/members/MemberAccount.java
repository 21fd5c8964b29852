package org.vouchsafe.members;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which account a subscribed person signs in with; usable once the invitation's password is set. */
@Entity
@Table(name = "member_account")
public class MemberAccount {

    @Id
    private String username;

    @Column(name = "member_id", nullable = false)
    private String memberId;

    @Column(nullable = false)
    private String email;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "password_set_at")
    private Instant passwordSetAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected MemberAccount() {
    }

    MemberAccount(String username, String memberId, String email, Instant createdAt) {
        this.username = username;
        this.memberId = memberId;
        this.email = email;
        this.createdAt = createdAt;
    }

    public String getUsername() { return username; }
    public String getMemberId() { return memberId; }
    public String getEmail() { return email; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getPasswordSetAt() { return passwordSetAt; }

    public Instant getClosedAt() { return closedAt; }

    /** Whether its owner chose a password through an invitation and has not left the list since. */
    public boolean isActive() {
        return passwordSetAt != null && closedAt == null;
    }

    void closed(Instant at) {
        this.closedAt = at;
    }

    void passwordSet(Instant at) {
        this.passwordSetAt = at;
    }
}
