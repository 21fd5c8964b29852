package org.vouchsafe.web;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vouchsafe.catalogue.Catalogue;

import static org.assertj.core.api.Assertions.assertThat;

class RoleCoverageTests {

    final Catalogue catalogue = new Catalogue();

    static RoleCoverage.Holding holds(String distro, String role, String joined) {
        return new RoleCoverage.Holding(distro, role, Instant.parse(joined + "T00:00:00Z"));
    }

    @Test
    void shouldMakeTheEarliestCommitterPrimaryAndTheNextBackup() {
        RoleCoverage coverage = RoleCoverage.of(catalogue.roles(), List.of(
                holds("Gentoo", "A1", "2020-05-01"),
                holds("Debian", "A1", "2021-01-01"),
                holds("Alpine", "A1", "2022-01-01"),
                // a second Debian person who joined earlier makes Debian's commitment earlier
                holds("Debian", "A1", "2019-01-01")));

        RoleCoverage.Row a1 = coverage.rows().stream().filter(r -> r.role().id().equals("A1")).findFirst().orElseThrow();
        assertThat(a1.primary()).isEqualTo("Debian");
        assertThat(a1.backup()).isEqualTo("Gentoo");
        assertThat(a1.cell("Alpine")).isEqualTo("holder");
        assertThat(a1.cell("Debian")).isEqualTo("primary");
        assertThat(a1.cell("Fedora")).isEmpty();
        assertThat(coverage.distros()).containsExactly("Alpine", "Debian", "Gentoo");
    }

    @Test
    void shouldBreakTiesByDistroName() {
        RoleCoverage coverage = RoleCoverage.of(catalogue.roles(), List.of(
                holds("Zenwalk", "T2", "2020-01-01"), holds("Arch", "T2", "2020-01-01")));

        RoleCoverage.Row t2 = coverage.rows().get(1);
        assertThat(t2.role().id()).isEqualTo("T2");
        assertThat(t2.primary()).isEqualTo("Arch");
        assertThat(t2.backup()).isEqualTo("Zenwalk");
    }

    @Test
    void shouldListAllEighteenRolesAndHighlightTheUncoveredOnes() {
        RoleCoverage coverage = RoleCoverage.of(catalogue.roles(), List.of(holds("Debian", "T3", "2020-01-01")));

        assertThat(coverage.rows()).hasSize(18);
        assertThat(coverage.uncoveredCount()).isEqualTo(17);
        assertThat(coverage.uncovered()).extracting(r -> r.role().id()).doesNotContain("T3");
        RoleCoverage.Row t3 = coverage.rows().get(2);
        assertThat(t3.uncovered()).isFalse();
        assertThat(t3.withoutBackup()).isTrue();
    }

    @Test
    void shouldCountOpenAccountabilityItemsAndListTheRolesThatFallBackOnTheAdmin() {
        RoleCoverage coverage = RoleCoverage.of(catalogue.roles(), List.of(holds("Debian", "A1", "2020-01-01"),
                holds("Gentoo", "A2", "2021-01-01")), java.util.Map.of("A1", 2L), List.of("Example Linux"));

        RoleCoverage.Row a1 = coverage.rows().stream().filter(r -> r.role().id().equals("A1")).findFirst().orElseThrow();
        RoleCoverage.Row a3 = coverage.rows().stream().filter(r -> r.role().id().equals("A3")).findFirst().orElseThrow();
        assertThat(a1.openItems()).isEqualTo(2);
        assertThat(a1.fallsBackOnAdmin()).isFalse();
        assertThat(a3.openItems()).isZero();
        assertThat(a3.fallsBackOnAdmin()).isTrue();
        assertThat(coverage.fallingBackOnAdmin()).extracting(r -> r.role().id()).hasSize(16).doesNotContain("A1", "A2");
        assertThat(coverage.withoutPeople()).containsExactly("Example Linux");
        // a distro without people holds nothing, so it has no column
        assertThat(coverage.distros()).containsExactly("Debian", "Gentoo");
    }
}
