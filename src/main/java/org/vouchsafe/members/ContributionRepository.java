package org.vouchsafe.members;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ContributionRepository extends JpaRepository<Contribution, String> {

    List<Contribution> findByDistroIdOrderByDateDescRecordedAtDesc(String distroId);
}
