package org.vouchsafe.incidents;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentRepository extends JpaRepository<Incident, String> {

    List<Incident> findAllByOrderByReportedAtDesc();

    List<Incident> findByDistroIdOrderByReportedAtDesc(String distroId);

    List<Incident> findByStatusInOrderByReportedAtAsc(Collection<IncidentStatus> statuses);
}
