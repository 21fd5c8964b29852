package org.vouchsafe.membership;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Exceptions the list admin recorded; those without a decision are the ones the decision being taken will carry. */
interface AdmissionExceptionRepository extends JpaRepository<AdmissionException, String> {

    List<AdmissionException> findByRequestIdAndDecisionIdIsNull(String requestId);

    List<AdmissionException> findByDecisionIdOrderByEmailAscCriterionAsc(String decisionId);

    List<AdmissionException> findByDecisionIdIsNotNull();
}
