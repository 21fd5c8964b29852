package org.vouchsafe.membership;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DistroIdsTests {

    @Test
    void shouldSlugTheDistroName() {
        assertThat(DistroIds.of("Example Linux")).isEqualTo("example-linux");
        assertThat(DistroIds.of("  openSUSE (Tumbleweed) ")).isEqualTo("opensuse-tumbleweed");
        assertThat(DistroIds.of("Alpine_Linux 3.20")).isEqualTo("alpine-linux-3-20");
    }

    @Test
    void shouldGiveTheSameIdToTheRosterEntry() {
        Member member = new Member(null, "Example Linux", "linux-distros", "Ann", "ann@example.org", null, java.time.Instant.now());

        assertThat(member.getDistroId()).isEqualTo("example-linux");
    }
}
