package org.vouchsafe.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;


import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A distro's request to join a list, as filed. The answers and check results per criterion
 * live in {@link RequestCriterion} rows so that re-running one check never touches this row.
 */
@Entity
@Table(name = "membership_request")
public class MembershipRequest {

    @Id
    private String id;

    @Column(name = "list_name", nullable = false)
    private String list;

    @Column(name = "distro_name", nullable = false)
    private String distroName;

    @Column(name = "open_distro_key")
    private String openDistroKey;

    private String homepage;
    private String organization;

    @Column(name = "unix_like", nullable = false)
    private boolean unixLike;

    @Column(name = "open_source", nullable = false)
    private boolean openSource;

    @Column(name = "latest_release")
    private LocalDate latestRelease;

    private String upstream;
    private String userbase;

    @Column(name = "downstream_justification")
    private String downstreamJustification;

    @Column(name = "policy_version", nullable = false)
    private String policyVersion;

    @Column(name = "policy_accepted", nullable = false)
    private boolean policyAccepted;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestStatus status;

    @Column(name = "review_round", nullable = false)
    private int reviewRound;

    @Column(name = "filed_by", nullable = false)
    private String filedBy;

    @Column(name = "filed_at", nullable = false)
    private Instant filedAt;

    @Column(name = "withdrawal_reason")
    private String withdrawalReason;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    /** A wrapper, not a primitive: a null version tells Spring Data the request is new (persist, not merge). */
    @Version
    private Long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "request_id", nullable = false)
    @OrderColumn(name = "position")
    private List<Requester> requesters = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "community_link", joinColumns = @JoinColumn(name = "request_id"))
    @OrderColumn(name = "position")
    @Column(name = "url", nullable = false)
    private List<String> communityLinks = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "request_id", nullable = false)
    private List<RoleCommitment> roles = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "request_id", nullable = false)
    private List<NamedVoucher> vouchers = new ArrayList<>();

    protected MembershipRequest() {
    }

    public MembershipRequest(String list, String distroName, String filedBy, Instant filedAt) {
        this.id = UUID.randomUUID().toString();
        this.list = list;
        this.distroName = distroName;
        this.openDistroKey = distroKey(distroName);
        this.filedBy = filedBy;
        this.filedAt = filedAt;
        this.status = RequestStatus.SUBMITTED;
        this.reviewRound = 1;
    }

    /** Normalised distro name: case, surrounding and repeated spaces do not make a different distro. */
    public static String distroKey(String name) {
        return name == null ? null : name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Moves to a new status; a closed request frees its distro for a new request. */
    void moveTo(RequestStatus next, Instant now) {
        this.status = next;
        if (next.isClosed()) {
            this.openDistroKey = null;
            this.closedAt = now;
        }
    }

    /** The applicant's reason for withdrawing; the process model then enters the status. */
    void recordWithdrawal(String reason) {
        this.withdrawalReason = reason;
    }

    int startNextRound() {
        return ++reviewRound;
    }

    /** Whether the distro declared that it derives from another distro. */
    public boolean isDownstream() {
        return upstream != null && !upstream.isBlank();
    }

    public String getId() { return id; }
    public String getList() { return list; }
    public String getDistroName() { return distroName; }
    public String getHomepage() { return homepage; }
    public void setHomepage(String homepage) { this.homepage = homepage; }
    public String getOrganization() { return organization; }
    public void setOrganization(String organization) { this.organization = organization; }
    public boolean isUnixLike() { return unixLike; }
    public void setUnixLike(boolean unixLike) { this.unixLike = unixLike; }
    public boolean isOpenSource() { return openSource; }
    public void setOpenSource(boolean openSource) { this.openSource = openSource; }
    public LocalDate getLatestRelease() { return latestRelease; }
    public void setLatestRelease(LocalDate latestRelease) { this.latestRelease = latestRelease; }
    public String getUpstream() { return upstream; }
    public void setUpstream(String upstream) { this.upstream = upstream; }
    public String getUserbase() { return userbase; }
    public void setUserbase(String userbase) { this.userbase = userbase; }
    public String getDownstreamJustification() { return downstreamJustification; }
    public void setDownstreamJustification(String value) { this.downstreamJustification = value; }
    public String getPolicyVersion() { return policyVersion; }
    public boolean isPolicyAccepted() { return policyAccepted; }
    public void setPolicy(String version, boolean accepted) { this.policyVersion = version; this.policyAccepted = accepted; }
    public RequestStatus getStatus() { return status; }
    public int getReviewRound() { return reviewRound; }
    public String getFiledBy() { return filedBy; }
    public Instant getFiledAt() { return filedAt; }
    public Instant getClosedAt() { return closedAt; }
    /** Why the applicant withdrew the request; null unless withdrawn. */
    public String getWithdrawalReason() { return withdrawalReason; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public List<Requester> getRequesters() { return requesters; }
    /** Entries from the payload while filing or self-assessing; null for a request read back from the database. */
    public List<String> getCommunityLinks() { return communityLinks; }
    public List<RoleCommitment> getRoles() { return roles; }
    public List<NamedVoucher> getVouchers() { return vouchers; }
}
