package org.vouchsafe.membership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/** A person subscribed to a list on behalf of a member distro. */
@Entity
@Table(name = "member")
public class Member {

    @Id
    private String id;

    @Column(name = "request_id")
    private String requestId;

    @Column(nullable = false)
    private String distro;

    @Column(name = "list_name", nullable = false)
    private String list;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String email;

    private String fingerprint;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    /** Ordered by position: a person may hold several contributions outside the catalogue (role id OTHER). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "member_role", joinColumns = @JoinColumn(name = "member_id"))
    @OrderColumn(name = "position")
    private List<RoleHeld> roles = new ArrayList<>();

    protected Member() {
    }

    public Member(String requestId, String distro, String list, String name, String email, String fingerprint,
                  Instant joinedAt) {
        this.id = UUID.randomUUID().toString();
        this.requestId = requestId;
        this.distro = distro;
        this.list = list;
        this.name = name;
        this.email = email;
        this.fingerprint = fingerprint;
        this.joinedAt = joinedAt;
    }

    public String getId() { return id; }
    public String getRequestId() { return requestId; }
    public String getDistro() { return distro; }
    public String getList() { return list; }
    public String getName() { return name; }
    public String getEmail() { return email; }
    public String getFingerprint() { return fingerprint; }
    public Instant getJoinedAt() { return joinedAt; }
    public List<RoleHeld> getRoles() { return roles; }

    /**
     * A role commitment the member's distro made: a catalogue role id, or {@code OTHER} with the
     * title the distro gave a contribution outside the catalogue.
     */
    @Embeddable
    public static class RoleHeld {

        @Column(name = "role_id", nullable = false)
        private String roleId;

        /** Null for a catalogue role. */
        private String title;

        private String specifics;

        protected RoleHeld() {
        }

        public RoleHeld(String roleId, String specifics) {
            this(roleId, null, specifics);
        }

        public RoleHeld(String roleId, String title, String specifics) {
            this.roleId = roleId;
            this.title = title;
            this.specifics = specifics;
        }

        public String getRoleId() { return roleId; }
        public String getTitle() { return title; }
        public String getSpecifics() { return specifics; }
    }
}
