package org.vouchsafe.criteria;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.MembershipRequest;

/**
 * C5: participates in relevant public communities, most notably watches oss-security. Whether a
 * distro participates is for people to judge; the check tells them which of the links are
 * oss-security postings, the community the criterion names as the one that matters.
 */
@Component
class CommunityParticipationCheck implements CriterionCheck {

    private final CriteriaProperties settings;

    CommunityParticipationCheck(CriteriaProperties settings) {
        this.settings = settings;
    }

    @Override
    public int criterion() {
        return 5;
    }

    @Override
    public CheckResult check(MembershipRequest request, LocalDate today) {
        List<String> links = request.getCommunityLinks();
        if (links.isEmpty()) {
            return CheckResult.manual("No community links are given; reviewers judge participation from the answer "
                    + "alone. Links to your postings on oss-security (evidence.communityLinks) show it best: the "
                    + "criterion names oss-security as the community to watch.");
        }
        List<String> ossSecurity = links.stream().filter(this::isOssSecurityPosting).toList();
        String judge = "reviewers judge whether they show participation and preferably active contribution.";
        if (ossSecurity.isEmpty()) {
            return CheckResult.manual(links.size() + " community link(s) given, none of them an oss-security posting; "
                    + "the criterion names oss-security as the community to watch: add links to your postings there "
                    + "(e.g. https://www.openwall.com/lists/oss-security/…).", capitalised(judge));
        }
        return CheckResult.manual(links.size() + " community link(s) given, " + ossSecurity.size()
                + " of them oss-security posting(s): " + String.join(", ", ossSecurity) + ".", capitalised(judge));
    }

    /** Whether the link points into an oss-security archive (scheme and case do not matter). */
    boolean isOssSecurityPosting(String link) {
        String bare = link.trim().replaceFirst("(?i)^https?://", "").toLowerCase(Locale.ROOT);
        return settings.ossSecurityArchives().stream().anyMatch(bare::startsWith);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
