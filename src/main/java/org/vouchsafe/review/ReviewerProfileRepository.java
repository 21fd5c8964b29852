package org.vouchsafe.review;

import org.springframework.data.jpa.repository.JpaRepository;

/** Reviewers' affiliations. */
public interface ReviewerProfileRepository extends JpaRepository<ReviewerProfile, String> {
}
