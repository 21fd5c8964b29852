package org.vouchsafe.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.membership.AdminDecisionService;
import org.vouchsafe.membership.Admissions;

/**
 * Who an approval would subscribe, per person, while the request is open: the admin sees before
 * deciding who has proved criteria 6, 8 and 9 and what each person still lacks. Once decided, the
 * decision block says who was subscribed, who not and by which exceptions.
 */
@Component
class AdmissionSection implements DossierSections {

    private final Requests requests;
    private final AdminDecisionService decisions;

    AdmissionSection(Requests requests, AdminDecisionService decisions) {
        this.requests = requests;
        this.decisions = decisions;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DossierSection> sections(String requestId) {
        RequestStatus status = requests.find(requestId).map(r -> r.getStatus()).orElse(null);
        if (status == null || status.isClosed()) {
            return List.of();
        }
        List<DossierSection.Fact> facts = new ArrayList<>();
        for (Admissions.Person p : decisions.admissionTable(requestId)) {
            facts.add(new DossierSection.Fact(p.named(), p.admitted()
                    ? "subscribed on approval: proved criteria 6, 8 and 9"
                    : "not subscribed on approval: missing criterion " + String.join("; ",
                            p.missing().stream().map(Admissions::unmet).toList())));
        }
        return List.of(new DossierSection("Who an approval subscribes (criteria 6, 8 and 9 per person)",
                "Each person joins only with their own policy signature, their own challenge answered and a vouch "
                        + "through an eligible chain; the list admin may subscribe someone without one of them only "
                        + "with a recorded exception (POST /api/requests/" + requestId + "/decision with \"exceptions\"). "
                        + "An approval that would subscribe nobody is refused.",
                null, null, facts, 40));
    }
}
