package org.vouchsafe.trackrecord;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

/** Stored track-record entries, always read per membership request. */
public interface TrackRecordEntryRepository extends JpaRepository<TrackRecordEntry, String> {

    List<TrackRecordEntry> findByRequestIdOrderByFixDateAscIssueAsc(String requestId);

    long countByRequestId(String requestId);

    /** Issue ids already stored for a request, to reject an upload that repeats one. */
    @Query("select e.issue from TrackRecordEntry e where e.requestId = :requestId")
    List<String> findIssuesByRequestId(String requestId);
}
