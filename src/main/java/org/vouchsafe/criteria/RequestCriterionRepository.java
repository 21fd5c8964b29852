package org.vouchsafe.criteria;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Answers and check results per criterion. */
public interface RequestCriterionRepository extends JpaRepository<RequestCriterion, RequestCriterion.Key> {

    List<RequestCriterion> findByRequestIdOrderByNumber(String requestId);
}
