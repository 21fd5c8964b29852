package org.vouchsafe.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.vouchsafe.catalogue.Role;

/**
 * Who covers which contributing-back role: the 18 catalogue roles against the member distros.
 * A distro committed to a role when the first of its people holding the role joined the
 * roster; the primary holder is the distro that committed earliest, the backup the next one
 * (ties by distro name). Roles nobody holds are uncovered: they fall back on the list admin; roles
 * with only a primary lack a backup. Each role also counts its open accountability requests, and
 * member distros whose people have all left are listed as members without people.
 */
record RoleCoverage(List<String> distros, List<Row> rows, List<String> withoutPeople) {

    /** A roster entry reduced to what coverage needs. */
    record Holding(String distro, String roleId, Instant joinedAt) {
    }

    /** One role: its primary and backup distro (null when missing), every distro holding it, its open accountability items. */
    record Row(Role role, String primary, String backup, List<String> holders, long openItems) {
        public boolean uncovered() {
            return primary == null;
        }

        /** Nobody holds the role, so when it needs doing it falls back on the list admin. */
        public boolean fallsBackOnAdmin() {
            return uncovered();
        }

        public boolean withoutBackup() {
            return primary != null && backup == null;
        }

        /** What the distro is for this role: "primary", "backup", "holder" or "" (none). */
        public String cell(String distro) {
            if (distro.equals(primary)) {
                return "primary";
            }
            if (distro.equals(backup)) {
                return "backup";
            }
            return holders.contains(distro) ? "holder" : "";
        }
    }

    static RoleCoverage of(List<Role> roles, List<Holding> holdings) {
        return of(roles, holdings, Map.of(), List.of());
    }

    static RoleCoverage of(List<Role> roles, List<Holding> holdings, Map<String, Long> openItemsByRole,
                           List<String> withoutPeople) {
        TreeSet<String> distros = new TreeSet<>();
        Map<String, Map<String, Instant>> committed = new HashMap<>();
        for (Holding h : holdings) {
            distros.add(h.distro());
            committed.computeIfAbsent(h.roleId(), r -> new HashMap<>()).merge(h.distro(), h.joinedAt(),
                    (a, b) -> a.isBefore(b) ? a : b);
        }
        List<Row> rows = new ArrayList<>();
        for (Role role : roles) {
            List<String> holders = committed.getOrDefault(role.id(), Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey)
                    .toList();
            rows.add(new Row(role, holders.isEmpty() ? null : holders.get(0), holders.size() < 2 ? null : holders.get(1),
                    holders, openItemsByRole.getOrDefault(role.id(), 0L)));
        }
        return new RoleCoverage(List.copyOf(distros), rows, List.copyOf(withoutPeople));
    }

    public long uncoveredCount() {
        return rows.stream().filter(Row::uncovered).count();
    }

    public List<Row> uncovered() {
        return rows.stream().filter(Row::uncovered).sorted(Comparator.comparing(r -> r.role().id())).toList();
    }

    /** The roles that fall back on the list admin: nobody holds them. */
    public List<Row> fallingBackOnAdmin() {
        return rows.stream().filter(Row::fallsBackOnAdmin).toList();
    }
}
