package org.vouchsafe.vouching;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VouchChainTests {

    private static Vouch vouch(VoucherBranch branch, String voucher, String requester, VouchStatus status) {
        return new Vouch("r", voucher, voucher, null, branch, requester, VouchStrength.KNOWS_WORK, null, status, 1, "FP",
                "text", "sig", Instant.now(), Instant.now());
    }

    /** Member → Ann → Bob → Cat, and a vouch for Dan by someone nobody vouched for. */
    private static List<Vouch> chainOfThree() {
        return List.of(vouch(VoucherBranch.TEAMMATE, "bob@example.org", "cat@example.org", VouchStatus.COUNTING),
                vouch(VoucherBranch.MEMBER, "m@member.example", "ann@example.org", VouchStatus.COUNTING),
                vouch(VoucherBranch.TEAMMATE, "ann@example.org", "bob@example.org", VouchStatus.COUNTING),
                vouch(VoucherBranch.TEAMMATE, "x@example.org", "dan@example.org", VouchStatus.COUNTING));
    }

    private static final List<String> FOUR = List.of("Ann@example.org", "bob@example.org", "cat@example.org", "dan@example.org");

    @Test
    void shouldVouchTeammatesOnlyThroughAnUnbrokenChain() {
        VouchChain chain = VouchChain.of(FOUR, chainOfThree(), 2);

        assertThat(chain.depth("ann@example.org")).contains(1);
        assertThat(chain.depth("bob@example.org")).contains(2);
        assertThat(chain.depth("cat@example.org")).contains(3);
        assertThat(chain.isVouched("dan@example.org")).isFalse();
        assertThat(chain.anyVouched()).isTrue();
        assertThat(chain.allVouched()).isFalse();
    }

    @Test
    void shouldNotCountAVeteranAwaitingConfirmationNorAChainThroughThem() {
        VouchChain chain = VouchChain.of(List.of("ann@example.org", "bob@example.org"),
                List.of(vouch(VoucherBranch.VETERAN, "v@oss.example", "ann@example.org", VouchStatus.AWAITING_CONFIRMATION),
                        vouch(VoucherBranch.TEAMMATE, "ann@example.org", "bob@example.org", VouchStatus.COUNTING)), 1);

        assertThat(chain.anyVouched()).isFalse();
    }

    @Test
    void shouldTakeTheShortestChain() {
        VouchChain chain = VouchChain.of(List.of("ann@example.org", "bob@example.org"),
                List.of(vouch(VoucherBranch.MEMBER, "m@member.example", "ann@example.org", VouchStatus.COUNTING),
                        vouch(VoucherBranch.TEAMMATE, "ann@example.org", "bob@example.org", VouchStatus.COUNTING),
                        vouch(VoucherBranch.VETERAN, "v@oss.example", "bob@example.org", VouchStatus.COUNTING)), 1);

        assertThat(chain.depth("bob@example.org")).contains(1);
        assertThat(chain.allVouched()).isTrue();
    }

    @Test
    void shouldLetOnlyThosePeopleVouchedByAMemberOrVeteranVouchForTeammatesByDefault() {
        // teammate depth 1, the seed's "that one vouched-for person will be able to vouch for others on your team"
        VouchChain chain = VouchChain.of(FOUR, chainOfThree(), 1);

        assertThat(chain.depth("ann@example.org")).contains(1);
        assertThat(chain.depth("bob@example.org")).contains(2);
        // Bob was vouched for by a teammate, so his vouch for Cat does not carry the chain
        assertThat(chain.isVouched("cat@example.org")).isFalse();
        assertThat(chain.mayVouchForTeammates("ann@example.org")).isTrue();
        assertThat(chain.mayVouchForTeammates("bob@example.org")).isFalse();
        assertThat(chainOfThree()).filteredOn(v -> !chain.carries(v)).extracting(Vouch::getVoucherEmail)
                .containsExactlyInAnyOrder("bob@example.org", "x@example.org");
    }

    @Test
    void shouldCountNoTeammateVouchAtDepthZero() {
        VouchChain chain = VouchChain.of(FOUR, chainOfThree(), 0);

        assertThat(chain.depths()).containsOnlyKeys("ann@example.org");
        assertThat(chain.mayVouchForTeammates("ann@example.org")).isFalse();
    }

    @Test
    void shouldCountOneHopMoreAtDepthTwo() {
        VouchChain chain = VouchChain.of(FOUR, chainOfThree(), 2);

        assertThat(chain.depth("cat@example.org")).contains(3);
        assertThat(chain.mayVouchForTeammates("bob@example.org")).isTrue();
        assertThat(chain.mayVouchForTeammates("cat@example.org")).isFalse();
    }
}
