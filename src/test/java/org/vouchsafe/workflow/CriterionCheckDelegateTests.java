package org.vouchsafe.workflow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The check tasks name their criterion in their id; a task of any other name is a modelling error. */
class CriterionCheckDelegateTests {

    @Test
    void shouldReadTheCriterionFromTheCheckTasksId() {
        assertThat(CriterionCheckDelegate.criterionOf("Task_CheckCriterion1")).isEqualTo(1);
        assertThat(CriterionCheckDelegate.criterionOf("Task_CheckCriterion9")).isEqualTo(9);
    }

    @Test
    void shouldRefuseToRunOnAnyOtherTask() {
        for (String id : new String[] {"Task_CheckCriterion0", "Task_CheckCriterion10", "Task_CheckCriterionX", "Task_Vote", null}) {
            assertThatThrownBy(() -> CriterionCheckDelegate.criterionOf(id)).as(String.valueOf(id))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("Task_CheckCriterion1 to 9");
        }
    }
}
