package org.vouchsafe.membership;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.criteria.RoleHolders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roster keeps contributions outside the catalogue: role id OTHER with the distro's title,
 * several per person beside catalogue roles (member_role is keyed by position since V65).
 */
@VouchsafeTest
class MemberRolesTests {

    @Autowired
    MemberRepository members;

    @Autowired
    RoleHolders holders;

    @Test
    void shouldKeepSeveralOtherContributionsBesideACatalogueRole() {
        // given
        String email = "roles-" + UUID.randomUUID() + "@example.org";
        Member member = new Member(null, "Example Linux " + email, "linux-distros", "Ann Example", email, null,
                Instant.parse("2026-11-27T10:00:00Z"));
        member.getRoles().add(new Member.RoleHeld("A1", "We confirm receipt within a day."));
        member.getRoles().add(new Member.RoleHeld("OTHER", "Fuzzing", "We fuzz every reported parser."));
        member.getRoles().add(new Member.RoleHeld("OTHER", "Backports", "We backport to old branches."));
        try {
            // when
            members.saveAndFlush(member);
            Member read = members.findByEmailIgnoreCase(email).orElseThrow();

            // then
            assertThat(read.getRoles()).extracting(r -> r.getRoleId() + "/" + r.getTitle())
                    .containsExactly("A1/null", "OTHER/Fuzzing", "OTHER/Backports");
            // and criterion 7 sees the roles as held today
            assertThat(holders.heldRoleIds()).contains("A1", "OTHER");
        } finally {
            // the roster is shared by every test: leave it as it was
            members.findByEmailIgnoreCase(email).ifPresent(members::delete);
        }
    }
}
