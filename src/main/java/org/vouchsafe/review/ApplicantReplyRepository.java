package org.vouchsafe.review;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Applicants' replies. */
public interface ApplicantReplyRepository extends JpaRepository<ApplicantReply, String> {

    List<ApplicantReply> findByRequestIdOrderByCreatedAt(String requestId);
}
