package org.vouchsafe.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.vouchsafe.membership.DistroWithoutPeople;
import org.vouchsafe.notification.Notifications;

/**
 * Tells the list admins when a member distro's last person left. After the departure committed
 * (no mail about a departure that rolled back); the admins' addresses come from Camunda's identity
 * service, which is why this lives here.
 */
@Component
class DistroWithoutPeopleMail {

    private static final Logger log = LoggerFactory.getLogger(DistroWithoutPeopleMail.class);

    private final Notifications notifications;
    private final IdentityService identity;

    DistroWithoutPeopleMail(Notifications notifications, IdentityService identity) {
        this.notifications = notifications;
        this.identity = identity;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void tellAdmins(DistroWithoutPeople event) {
        try {
            notifications.distroWithoutPeople(event.distroId(), event.distro(), event.at(), NotificationDelegate.admins(identity));
        } catch (RuntimeException e) {
            // The departure stands; the dashboard shows the distro without people whether or not the mail went out.
            log.error("Could not tell the list admins that {} has nobody subscribed any more", event.distro(), e);
        }
    }
}
