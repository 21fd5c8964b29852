package org.vouchsafe.intake;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A contributing-back role (catalogue id) the distro commits to, with what it will do. */
@Entity
@Table(name = "role_commitment")
public class RoleCommitment {

    @Id
    private String id;

    @Column(name = "role_id", nullable = false)
    private String roleId;

    @Column(nullable = false)
    private String specifics;

    protected RoleCommitment() {
    }

    public RoleCommitment(String roleId, String specifics) {
        this.id = UUID.randomUUID().toString();
        this.roleId = roleId;
        this.specifics = specifics;
    }

    public String getId() { return id; }
    public String getRoleId() { return roleId; }
    public String getSpecifics() { return specifics; }
}
