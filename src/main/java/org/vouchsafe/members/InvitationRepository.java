package org.vouchsafe.members;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InvitationRepository extends JpaRepository<Invitation, String> {

    Optional<Invitation> findByTokenSha256(String tokenSha256);

    List<Invitation> findByUsername(String username);

    /**
     * Uses the invitation if it is still open; the database decides between two submissions of the
     * same link, so exactly one of them sets the password.
     *
     * @return 1 if this call used it, 0 if it was used, revoked or expired first
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Invitation i set i.usedAt = :now where i.id = :id and i.usedAt is null and i.revokedAt is null "
            + "and i.expiresAt > :now")
    int use(@Param("id") String id, @Param("now") Instant now);
}
