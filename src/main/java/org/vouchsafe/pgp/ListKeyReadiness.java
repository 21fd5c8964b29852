package org.vouchsafe.pgp;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vouchsafe.system.ReadinessGate;

/**
 * Holds readiness back until the list key is loaded (or generated) and unlocked: every mail is
 * signed with it and applicants fetch it to verify them. Asked for through a provider, so the
 * key is in place before the first request even if beans are ever created lazily.
 */
@Component
class ListKeyReadiness {

    private final ObjectProvider<ListKey> listKey;
    private final ReadinessGate.StartupTask ready;

    ListKeyReadiness(ObjectProvider<ListKey> listKey, ReadinessGate readiness) {
        this.listKey = listKey;
        this.ready = readiness.register("the list key");
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        listKey.getObject().fingerprint();
        ready.done();
    }
}
