package org.vouchsafe.workflow;

import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a written row reads in the audit log: ids and simple values, never secrets. */
class EngineWritesTests {

    @Test
    void shouldShowSimpleValuesOfAVariableWithItsScope() {
        assertThat(EngineWrites.describe(variable("quorum", "integer", null, 3L)))
                .isEqualTo("variable quorum of process instance pi-1 = integer 3");
        assertThat(EngineWrites.describe(variable("skipChecks", "boolean", null, 1L)))
                .isEqualTo("variable skipChecks of process instance pi-1 = boolean true");
        assertThat(EngineWrites.describe(variable("route", "string", "REVIEW", null)))
                .isEqualTo("variable route of process instance pi-1 = string \"REVIEW\"");
        assertThat(EngineWrites.describe(variable("deferUntil", "date", null, 0L)))
                .isEqualTo("variable deferUntil of process instance pi-1 = date 1970-01-01T00:00:00Z");
    }

    @Test
    void shouldShortenLongStrings() {
        String text = "x".repeat(500);

        assertThat(EngineWrites.value(variable("note", "string", text, null)))
                .isEqualTo("string \"" + "x".repeat(EngineWrites.MAX_STRING_VALUE) + "… (500 characters)\"");
    }

    @Test
    void shouldNeverCopyTheValueOfASecretLookingVariableOrOfAnObject() {
        assertThat(EngineWrites.value(variable("smtpPassword", "string", "hunter2", null))).isEqualTo("string (value not recorded)");
        assertThat(EngineWrites.value(variable("signingKey", "string", "-----BEGIN PGP", null))).doesNotContain("PGP");
        assertThat(EngineWrites.value(variable("challengeAnswer", "string", "42", null))).doesNotContain("42");
        assertThat(EngineWrites.value(variable("payload", "serializable", "rO0AB", null))).isEqualTo("serializable (value not recorded)");
        assertThat(EngineWrites.value(variable("doc", "json", "{\"a\":1}", null))).isEqualTo("json (value not recorded)");
    }

    @Test
    void shouldNameUsersAndGroupsByIdOnly() {
        UserEntity user = new UserEntity("carol");
        user.setPassword("correct horse battery staple");
        user.setEmail("carol@example.org");
        GroupEntity group = new GroupEntity("auditors");

        assertThat(EngineWrites.describe(user)).isEqualTo("user carol");
        assertThat(EngineWrites.describe(group)).isEqualTo("group auditors");
    }

    @Test
    void shouldNameACommandInWords() {
        assertThat(EngineWriteRecorder.humanize("SetExecutionVariablesCmd")).isEqualTo("set execution variables");
        assertThat(EngineWriteRecorder.humanize("ExecuteJobsCmd")).isEqualTo("execute jobs");
    }

    private static VariableInstanceEntity variable(String name, String type, String text, Long number) {
        VariableInstanceEntity variable = new VariableInstanceEntity();
        variable.setId("v-1");
        variable.setName(name);
        variable.setSerializerName(type);
        variable.setTextValue(text);
        variable.setLongValue(number);
        variable.setProcessInstanceId("pi-1");
        variable.setExecutionId("pi-1");
        return variable;
    }
}
