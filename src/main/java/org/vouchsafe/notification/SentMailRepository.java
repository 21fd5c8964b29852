package org.vouchsafe.notification;

import org.springframework.data.jpa.repository.JpaRepository;

interface SentMailRepository extends JpaRepository<SentMail, String> {
}
