package org.vouchsafe.intake;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Someone the applicant names as willing to vouch for one of its requesters (criterion 9). */
@Entity
@Table(name = "named_voucher")
public class NamedVoucher {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String email;

    @Column(name = "vouches_for", nullable = false)
    private String vouchesFor;

    protected NamedVoucher() {
    }

    public NamedVoucher(String name, String email, String vouchesFor) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.email = email;
        this.vouchesFor = vouchesFor;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public String getEmail() { return email; }
    public String getVouchesFor() { return vouchesFor; }
}
