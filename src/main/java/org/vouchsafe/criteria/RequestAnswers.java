package org.vouchsafe.criteria;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.vouchsafe.intake.FilingListener;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.MembershipRequest;

/**
 * Stores the applicant's answer to each criterion when a request is filed, as the row the
 * criterion's check will record its result on: the answers and the results belong together, and
 * both to this feature.
 */
@Component
class RequestAnswers implements FilingListener {

    private final RequestCriterionRepository criteria;

    RequestAnswers(RequestCriterionRepository criteria) {
        this.criteria = criteria;
    }

    @Override
    public void filed(MembershipRequest request, FilingRequest filing) {
        for (Map.Entry<String, String> answer : filing.answers().entrySet()) {
            criteria.save(new RequestCriterion(request.getId(), Integer.parseInt(answer.getKey()), answer.getValue().trim()));
        }
    }
}
