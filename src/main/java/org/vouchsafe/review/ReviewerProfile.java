package org.vouchsafe.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A reviewer's affiliation: the member distro and organization they work for, used to keep
 * them out of reviews of their own distro (conflict of interest).
 */
@Entity
@Table(name = "reviewer_profile")
public class ReviewerProfile {

    @Id
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false)
    private String email;

    private String distro;
    private String organization;

    protected ReviewerProfile() {
    }

    public ReviewerProfile(String username, String displayName, String email, String distro, String organization) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.distro = distro;
        this.organization = organization;
    }

    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getEmail() { return email; }
    public String getDistro() { return distro; }
    public String getOrganization() { return organization; }
}
