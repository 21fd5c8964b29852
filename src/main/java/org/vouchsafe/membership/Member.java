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
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PostLoad;
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

    /** The distro's slug ({@link DistroIds#of}): how the API and the Camunda group {@code distro-{id}} name it. */
    @Column(name = "distro_id")
    private String distroId;

    @Column(name = "list_name", nullable = false)
    private String list;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String email;

    private String fingerprint;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MemberStatus status = MemberStatus.SUBSCRIBED;

    /** When the person left, or will leave while {@link MemberStatus#LEAVING}; null while subscribed. */
    @Column(name = "left_at")
    private Instant leftAt;

    @Column(name = "leave_reason")
    private String leaveReason;

    /** Ordered by position: a person may hold several contributions outside the catalogue (role id OTHER). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "member_role", joinColumns = @JoinColumn(name = "member_id"))
    @OrderColumn(name = "position")
    private List<RoleHeld> roles = new ArrayList<>();

    protected Member() {
    }

    /** Rows from before V75 have no slug: it is derived once from the name (the SQL dialects disagree on regex replacement). */
    @PostLoad
    void fillDistroId() {
        if (distroId == null) {
            distroId = DistroIds.of(distro);
        }
    }

    public Member(String requestId, String distro, String list, String name, String email, String fingerprint,
                  Instant joinedAt) {
        this.id = UUID.randomUUID().toString();
        this.requestId = requestId;
        this.distro = distro;
        this.distroId = DistroIds.of(distro);
        this.list = list;
        this.name = name;
        this.email = email;
        this.fingerprint = fingerprint;
        this.joinedAt = joinedAt;
    }

    public String getId() { return id; }
    public String getRequestId() { return requestId; }
    public String getDistro() { return distro; }
    public String getDistroId() { return distroId; }
    public String getList() { return list; }
    public String getName() { return name; }
    public String getEmail() { return email; }
    public String getFingerprint() { return fingerprint; }
    public Instant getJoinedAt() { return joinedAt; }
    public List<RoleHeld> getRoles() { return roles; }
    public MemberStatus getStatus() { return status; }
    public Instant getLeftAt() { return leftAt; }
    public String getLeaveReason() { return leaveReason; }

    /** On the current roster: subscribed, or leaving on a date still to come. */
    public boolean isSubscribed() {
        return status != MemberStatus.LEFT;
    }

    /** Whether the person was on the roster at some moment of {@code [from, to)}. */
    public boolean subscribedDuring(Instant from, Instant to) {
        return joinedAt.isBefore(to) && (leftAt == null || leftAt.isAfter(from));
    }

    /** Off the roster now. */
    void leave(Instant at, String reason) {
        this.status = MemberStatus.LEFT;
        this.leftAt = at;
        this.leaveReason = reason;
    }

    /** Off the roster at {@code at}, a moment still to come; subscribed until then. */
    void leaveOn(Instant at, String reason) {
        this.status = MemberStatus.LEAVING;
        this.leftAt = at;
        this.leaveReason = reason;
    }

    /** The person's key changed (renewed, or a successor their old key certified); the caller checked it and audits it. */
    public void keyReplaced(String fingerprint) {
        this.fingerprint = fingerprint;
    }

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
