package org.vouchsafe.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.vouchsafe.membership.RosterService;


/** Subscribes an approved distro's people. */
@Component("rosterAdmission")
class RosterAdmissionDelegate implements JavaDelegate {

    private final RosterService roster;

    RosterAdmissionDelegate(RosterService roster) {
        this.roster = roster;
    }

    @Override
    public void execute(DelegateExecution execution) {
        roster.admit(execution.getProcessBusinessKey());
    }
}
