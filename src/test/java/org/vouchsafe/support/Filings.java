package org.vouchsafe.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Filing payloads for tests, shaped exactly as the public API contract. {@link #valid()} passes
 * every automated check of the foundation; tests change one thing to see one effect.
 */
public final class Filings {

    private Filings() {
    }

    /** A distro name no other test uses, so "one open request per distro" never interferes. */
    public static String uniqueDistro() {
        return "Example Linux " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> valid() {
        return valid(uniqueDistro());
    }

    public static Map<String, Object> valid(String distroName) {
        LocalDate today = LocalDate.now();
        Map<String, Object> filing = new LinkedHashMap<>();
        filing.put("list", "linux-distros");
        Map<String, Object> distro = new LinkedHashMap<>();
        distro.put("name", distroName);
        distro.put("homepage", "https://example.org");
        distro.put("organization", "Example Foundation");
        distro.put("unixLike", true);
        distro.put("openSource", true);
        distro.put("latestRelease", today.minusDays(30).toString());
        distro.put("upstream", null);
        filing.put("distro", distro);
        List<Map<String, Object>> requesters = new ArrayList<>();
        requesters.add(requester("Ann Example", "ann@example.org", "ann"));
        filing.put("requesters", requesters);
        Map<String, String> answers = new LinkedHashMap<>();
        for (int n = 1; n <= 9; n++) {
            answers.put(String.valueOf(n), "Our answer to criterion " + n + ", with details and links.");
        }
        filing.put("answers", answers);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("userbase", "Thousands of installations outside the Example Foundation, see our download statistics.");
        evidence.put("downstreamJustification", null);
        evidence.put("communityLinks", new ArrayList<>(List.of("https://www.openwall.com/lists/oss-security/2026/01/02/3")));
        // Five fixes over more than a year, the latest a month ago, all within two days: criterion 3 passes.
        List<Map<String, Object>> trackRecord = new ArrayList<>();
        int n = 1;
        for (int daysAgo : new int[] {400, 300, 200, 100, 30}) {
            trackRecord.add(entry("CVE-2025-" + (1000 + n++), today.minusDays(daysAgo), today.minusDays(daysAgo - 2)));
        }
        evidence.put("trackRecord", trackRecord);
        filing.put("evidence", evidence);
        List<Map<String, Object>> roles = new ArrayList<>();
        roles.add(new LinkedHashMap<>(Map.of("role", "A1", "specifics",
                "We will confirm receipt of new reports within a day and ask for missing disclosure dates.")));
        filing.put("roles", roles);
        filing.put("policy", new LinkedHashMap<>(Map.of("version", "2017-06-28", "accepted", true)));
        List<Map<String, Object>> vouchers = new ArrayList<>();
        vouchers.add(new LinkedHashMap<>(Map.of("name", "Val Voucher", "email", "val@other.org", "vouchesFor", "ann@example.org")));
        filing.put("vouchers", vouchers);
        return filing;
    }

    public static Map<String, Object> requester(String name, String email, String keyFixture) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("email", email);
        r.put("affiliation", "Example Foundation");
        r.put("publicKey", Fixtures.publicKey(keyFixture));
        return r;
    }

    public static Map<String, Object> entry(String issue, LocalDate publicDate, LocalDate fixDate) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("issue", issue);
        e.put("publicDate", publicDate.toString());
        e.put("fixDate", fixDate.toString());
        e.put("viaDistrosList", true);
        e.put("reference", "https://example.org/security/" + issue);
        e.put("upstreamFixDate", null);
        return e;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> distro(Map<String, Object> filing) {
        return (Map<String, Object>) filing.get("distro");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> evidence(Map<String, Object> filing) {
        return (Map<String, Object>) filing.get("evidence");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, String> answers(Map<String, Object> filing) {
        return (Map<String, String>) filing.get("answers");
    }
}
