package org.vouchsafe.support;

import java.time.Instant;
import java.time.LocalDate;

import org.vouchsafe.intake.MembershipRequest;

/** Unsaved requests for the checks' unit tests: one that passes every automated check, to change one thing at a time. */
public final class UnsavedRequests {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private UnsavedRequests() {
    }

    public static MembershipRequest passing() {
        MembershipRequest request = new MembershipRequest("linux-distros", "Example Linux", "applicant",
                Instant.parse("2026-11-27T10:00:00Z"));
        request.setHomepage("https://example.org");
        request.setOrganization("Example Foundation");
        request.setUnixLike(true);
        request.setOpenSource(true);
        request.setLatestRelease(TODAY.minusDays(30));
        request.setUserbase("Thousands of installations outside the Example Foundation.");
        request.setPolicy("2017-06-28", true);
        request.getCommunityLinks().add("https://www.openwall.com/lists/oss-security/2026/01/02/3");
        request.getRoles().add(new org.vouchsafe.intake.RoleCommitment("A1",
                "We will confirm receipt of new reports within a day."));
        return request;
    }
}
