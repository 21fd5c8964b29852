package org.vouchsafe.review;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vouchsafe.system.DemoIdentities;
import org.vouchsafe.system.ReadinessGate;
import org.vouchsafe.system.StartupSeeding;

/**
 * The demo reviewers' affiliations (demo profile only), which keep each of them out of the review
 * of their own sample distro. Seeded here rather than with the accounts because the profiles are
 * this feature's; under the same start-up lock, so cluster nodes starting together do not race.
 */
@Component
@Profile("demo")
class DemoReviewerProfiles {

    private final ReviewerProfileRepository profiles;
    private final StartupSeeding seeding;
    private final ReadinessGate.StartupTask ready;

    DemoReviewerProfiles(ReviewerProfileRepository profiles, StartupSeeding seeding, ReadinessGate readiness) {
        this.profiles = profiles;
        this.seeding = seeding;
        this.ready = readiness.register("demo reviewers' affiliations");
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        seeding.run(() -> {
            for (DemoIdentities.DemoReviewer r : DemoIdentities.REVIEWERS) {
                if (!profiles.existsById(r.username())) {
                    profiles.save(new ReviewerProfile(r.username(), r.name(), r.email(), r.distro(), r.organization()));
                }
            }
        });
        ready.done();
    }
}
