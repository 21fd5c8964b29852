package org.vouchsafe.notification;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SentMailRepository extends JpaRepository<SentMail, String> {

    /** Marks a reserved mail sent in one statement (no read first: the row was reserved a moment ago). */
    @Modifying
    @Query("update SentMail m set m.status = '" + SentMail.SENT + "', m.sentAt = :at where m.idempotencyKey = :key")
    int markSent(@Param("key") String idempotencyKey, @Param("at") Instant at);
}
