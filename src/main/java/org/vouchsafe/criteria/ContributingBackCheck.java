package org.vouchsafe.criteria;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.RoleCommitment;

/**
 * C7: able and willing to contribute back, preferably in specific ways announced in advance. The
 * list invites work on its 18 roles "or/and something else" and asks for specifics only
 * "preferably", so the check fails only when nothing at all is offered; whether an offer is real
 * is for people to judge. It gives them what was offered, how specific it is, and which offered
 * roles no member distro holds today.
 */
@Component
class ContributingBackCheck implements CriterionCheck {

    private final CriteriaProperties settings;
    private final Catalogue catalogue;
    private final RoleHolders holders;

    ContributingBackCheck(CriteriaProperties settings, Catalogue catalogue, RoleHolders holders) {
        this.settings = settings;
        this.catalogue = catalogue;
        this.holders = holders;
    }

    @Override
    public int criterion() {
        return 7;
    }

    @Override
    public CheckResult check(MembershipRequest request, LocalDate today) {
        List<RoleCommitment> offered = request.getRoles();
        if (offered.isEmpty()) {
            return CheckResult.fail("Nothing is offered: choose at least one role (GET /api/catalogue/roles) or "
                    + "offer something else as {\"role\": \"OTHER\", \"title\": …}, and preferably say concretely "
                    + "what you will do in it.");
        }
        List<String> specific = new ArrayList<>();
        List<String> brief = new ArrayList<>();
        for (RoleCommitment role : offered) {
            String named = name(role);
            String specifics = role.getSpecifics() == null ? "" : role.getSpecifics().trim();
            (specifics.length() >= settings.minSpecifics() ? specific : brief).add(named);
        }
        List<String> reasons = new ArrayList<>();
        reasons.add("Offers " + offered.size() + " contribution(s)" + (specific.isEmpty() ? "" : "; with specifics: "
                + String.join(", ", specific)) + (brief.isEmpty() ? "" : "; briefly (under " + settings.minSpecifics()
                + " characters, our setting): " + String.join(", ", brief)) + ".");
        reasons.add(coverage(offered));
        reasons.add("Reviewers judge whether the offer is real and specific enough to know what to expect from this distro.");
        return new CheckResult(CheckOutcome.MANUAL, reasons);
    }

    private String coverage(List<RoleCommitment> offered) {
        List<String> catalogueRoles = offered.stream().filter(r -> !r.isOther()).map(RoleCommitment::getRoleId)
                .distinct().sorted().toList();
        if (catalogueRoles.isEmpty()) {
            return "Only contributions outside the catalogue are offered; none of the 18 roles.";
        }
        Set<String> held = holders.heldRoleIds();
        List<String> uncovered = catalogueRoles.stream().filter(id -> !held.contains(id)).toList();
        if (uncovered.isEmpty()) {
            return "Every offered catalogue role (" + String.join(", ", catalogueRoles)
                    + ") is already held by a member distro today.";
        }
        return "Held today by no member distro: " + String.join(", ", uncovered) + (uncovered.size() == catalogueRoles.size()
                ? "." : "; the others (" + String.join(", ", catalogueRoles.stream().filter(held::contains).toList())
                + ") are held already.");
    }

    private String name(RoleCommitment role) {
        if (role.isOther()) {
            return "OTHER \"" + role.getTitle() + "\"";
        }
        return catalogue.role(role.getRoleId()).map(r -> r.id() + " (" + r.title() + ")").orElse(role.getRoleId());
    }
}
