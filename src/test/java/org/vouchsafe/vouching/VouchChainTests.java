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

    @Test
    void shouldVouchTeammatesOnlyThroughAnUnbrokenChain() {
        VouchChain chain = VouchChain.of(List.of("Ann@example.org", "bob@example.org", "cat@example.org", "dan@example.org"),
                List.of(vouch(VoucherBranch.TEAMMATE, "bob@example.org", "cat@example.org", VouchStatus.COUNTING),
                        vouch(VoucherBranch.MEMBER, "m@member.example", "ann@example.org", VouchStatus.COUNTING),
                        vouch(VoucherBranch.TEAMMATE, "ann@example.org", "bob@example.org", VouchStatus.COUNTING),
                        vouch(VoucherBranch.TEAMMATE, "x@example.org", "dan@example.org", VouchStatus.COUNTING)));

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
                        vouch(VoucherBranch.TEAMMATE, "ann@example.org", "bob@example.org", VouchStatus.COUNTING)));

        assertThat(chain.anyVouched()).isFalse();
    }

    @Test
    void shouldTakeTheShortestChain() {
        VouchChain chain = VouchChain.of(List.of("ann@example.org", "bob@example.org"),
                List.of(vouch(VoucherBranch.MEMBER, "m@member.example", "ann@example.org", VouchStatus.COUNTING),
                        vouch(VoucherBranch.TEAMMATE, "ann@example.org", "bob@example.org", VouchStatus.COUNTING),
                        vouch(VoucherBranch.VETERAN, "v@oss.example", "bob@example.org", VouchStatus.COUNTING)));

        assertThat(chain.depth("bob@example.org")).contains(1);
        assertThat(chain.allVouched()).isTrue();
    }
}
