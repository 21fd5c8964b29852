package org.vouchsafe.intake;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person asking to be subscribed on behalf of the distro, with their OpenPGP public key. */
@Entity
@Table(name = "requester")
public class Requester {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String email;

    private String affiliation;

    @Column(name = "public_key", nullable = false)
    private String publicKey;

    /** Full OpenPGP fingerprint once the key has been parsed; never a key id. */
    private String fingerprint;

    protected Requester() {
    }

    public Requester(String name, String email, String affiliation, String publicKey) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.email = email;
        this.affiliation = affiliation;
        this.publicKey = publicKey;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public String getEmail() { return email; }
    public String getAffiliation() { return affiliation; }
    public String getPublicKey() { return publicKey; }
    public String getFingerprint() { return fingerprint; }
    public void setFingerprint(String fingerprint) { this.fingerprint = fingerprint; }
}
