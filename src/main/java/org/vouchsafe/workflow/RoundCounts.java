package org.vouchsafe.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.vouchsafe.review.Tally;

import static org.vouchsafe.workflow.MembershipProcess.Variables.APPROVE_COUNT;
import static org.vouchsafe.workflow.MembershipProcess.Variables.NEEDS_INFO_COUNT;
import static org.vouchsafe.workflow.MembershipProcess.Variables.OBJECT_COUNT;

/**
 * The counts of a review round as the vote's completion condition and the gateway after it read
 * them ({@code approveCount}, {@code objectCount}, {@code needsInfoCount}). They are transient
 * process variables: set by the vote recorder from the tally it has just counted in JPA, and read
 * in the same transaction, so they never reach the variable tables. The votes themselves are the
 * record; kept as variables, the three counters cost an update of the variable, its history and a
 * detail row for every vote (docs/performance.md, P1), and could disagree with the votes after a
 * crash between the two.
 */
final class RoundCounts {

    private RoundCounts() {
    }

    static void set(DelegateExecution instance, Tally tally) {
        instance.setVariable(APPROVE_COUNT, Variables.integerValue(tally.approve(), true));
        instance.setVariable(OBJECT_COUNT, Variables.integerValue(tally.object(), true));
        instance.setVariable(NEEDS_INFO_COUNT, Variables.integerValue(tally.needsInfo(), true));
    }
}
