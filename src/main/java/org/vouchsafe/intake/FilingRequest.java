package org.vouchsafe.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;


/**
 * The filing payload of {@code POST /api/requests}, field for field as in the public API
 * contract. Unknown fields are rejected by Jackson before this record is built.
 */
public record FilingRequest(
        String list,
        Distro distro,
        List<RequesterInput> requesters,
        Map<String, String> answers,
        Evidence evidence,
        List<RoleInput> roles,
        PolicyInput policy,
        List<VoucherInput> vouchers) {

    /** The distro asking to join. {@code upstream} names the distro it derives from, or is null. */
    public record Distro(String name, String homepage, String organization, Boolean unixLike, Boolean openSource,
                         LocalDate latestRelease, String upstream) {
    }

    /** A person to subscribe, with an ASCII-armored OpenPGP public key. */
    public record RequesterInput(String name, String email, String affiliation, String publicKey) {
    }

    /** Evidence for criteria 2–5. */
    public record Evidence(String userbase, String downstreamJustification, List<String> communityLinks,
                           List<TrackRecordEntryInput> trackRecord) {
    }

    /**
     * A catalogue role ({@code T1}–{@code T5}, {@code A1}–{@code A13}) and what the distro will do in it,
     * or a contribution outside the catalogue: {@code role} {@code OTHER} with a {@code title} of its own.
     */
    public record RoleInput(String role, String title, String specifics) {

        /** A catalogue role: its title is the catalogue's. */
        public RoleInput(String role, String specifics) {
            this(role, null, specifics);
        }
    }

    /** The policy version the applicant accepts. */
    public record PolicyInput(String version, Boolean accepted) {
    }

    /** Someone willing to vouch for the requester with e-mail {@code vouchesFor}. */
    public record VoucherInput(String name, String email, String vouchesFor) {
    }
}
