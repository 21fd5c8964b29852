package org.vouchsafe.workflow;

import java.util.List;

import org.springframework.stereotype.Component;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.criteria.CheckOutcome;
import org.vouchsafe.criteria.CriteriaService;
import org.vouchsafe.criteria.RequestCriterion;
import org.vouchsafe.membership.AdminDecisionService;
import org.vouchsafe.membership.Admissions;
import org.vouchsafe.review.ReviewService;
import org.vouchsafe.review.Vote;

/**
 * Short read-only texts for the Tasklist forms. Camunda string variables hold at most 4,000
 * characters, so these are summaries with a link to the full dossier, not the evidence itself.
 */
@Component
class FormSummaries {

    static final int LIMIT = 3900;

    private final CriteriaService criteria;
    private final ReviewService review;
    private final Catalogue catalogue;
    private final AdminDecisionService decisions;

    FormSummaries(CriteriaService criteria, ReviewService review, Catalogue catalogue, AdminDecisionService decisions) {
        this.criteria = criteria;
        this.review = review;
        this.catalogue = catalogue;
        this.decisions = decisions;
    }

    /**
     * The per-person table of the decision form: who an approval would subscribe, and what each other
     * person still lacks of criteria 6, 8 and 9.
     */
    String admission(String requestId) {
        List<Admissions.Person> people = decisions.admissionTable(requestId);
        StringBuilder s = new StringBuilder();
        for (Admissions.Person p : people) {
            s.append(p.named()).append(": ").append(p.admitted() ? "proved 6, 8 and 9, subscribed on approval"
                    : "NOT subscribed, missing criterion " + String.join("; ", p.missing().stream().map(Admissions::unmet).toList()))
                    .append('\n');
        }
        if (people.stream().noneMatch(Admissions.Person::admitted)) {
            s.append("Nobody has proved all three yet: an approval is refused (the API may record exceptions).\n");
        }
        return clip(s.toString());
    }

    String checks(String requestId) {
        StringBuilder s = new StringBuilder();
        for (RequestCriterion c : criteria.results(requestId)) {
            List<String> reasons = c.result().reasons();
            s.append(c.getNumber()).append(". ").append(catalogue.criterion(c.getNumber()).title()).append(": ")
                    .append(c.getOutcome() == CheckOutcome.MANUAL ? "MANUAL (for people to judge)" : c.getOutcome())
                    .append(reasons.isEmpty() ? "" : " — " + reasons.get(0)).append('\n');
        }
        return clip(s.toString());
    }

    String votes(String requestId) {
        StringBuilder s = new StringBuilder();
        for (Vote v : review.votes(requestId)) {
            s.append("Round ").append(v.getRound()).append(", ").append(v.getReviewer()).append(": ").append(v.getVote());
            if (v.getComment() != null) {
                s.append(" — ").append(v.getComment().replace('\n', ' '));
            }
            s.append('\n');
        }
        return clip(s.isEmpty() ? "No votes." : s.toString());
    }

    static String clip(String text) {
        return text.length() <= LIMIT ? text : text.substring(0, LIMIT) + "\n… (shortened: see the dossier)";
    }
}
