package org.vouchsafe.intake;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A contribution the distro offers: a catalogue role (T1–T5, A1–A13) or, as the list invites
 * work on the 18 roles "or/and something else", a contribution outside the catalogue
 * ({@link #OTHER}) with a title of its own.
 */
@Entity
@Table(name = "role_commitment")
public class RoleCommitment {

    /** The role id of a contribution outside the catalogue. */
    public static final String OTHER = "OTHER";

    @Id
    private String id;

    @Column(name = "role_id", nullable = false)
    private String roleId;

    /** Null for a catalogue role (the catalogue names it); required for {@link #OTHER}. */
    private String title;

    @Column(nullable = false)
    private String specifics;

    protected RoleCommitment() {
    }

    public RoleCommitment(String roleId, String specifics) {
        this(roleId, null, specifics);
    }

    public RoleCommitment(String roleId, String title, String specifics) {
        this.id = UUID.randomUUID().toString();
        this.roleId = roleId;
        this.title = title;
        this.specifics = specifics;
    }

    /** Whether this is a contribution outside the catalogue. */
    public boolean isOther() {
        return OTHER.equals(roleId);
    }

    public String getId() { return id; }
    public String getRoleId() { return roleId; }
    public String getTitle() { return title; }
    public String getSpecifics() { return specifics; }
}
