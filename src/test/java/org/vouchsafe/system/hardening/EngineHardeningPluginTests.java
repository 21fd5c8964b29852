package org.vouchsafe.system.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The plugin's flags on a bare configuration, and their effect on a small in-memory engine
 * (no Spring, no job executor) built with it.
 */
class EngineHardeningPluginTests {

    private static final int LIMIT = 5;

    private static ProcessEngine engine;

    @BeforeAll
    static void buildEngine() {
        StandaloneInMemProcessEngineConfiguration configuration = configuration();
        configuration.setJdbcUrl("jdbc:h2:mem:hardening-engine;DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        // Never DbIdGenerator in tests (see STACK-NOTES); no job executor needed here.
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
        configuration.setProcessEngineName("hardening-test");
        engine = configuration.buildProcessEngine();
    }

    @AfterAll
    static void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void shouldSwitchOffExpressionsSerializationAndXxeAndCapQueries() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setEnableExpressionsInAdhocQueries(true);
        configuration.setEnableExpressionsInStoredQueries(true);
        configuration.setJavaSerializationFormatEnabled(true);
        configuration.setEnableXxeProcessing(true);

        plugin().preInit(configuration);

        assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
        assertThat(configuration.isEnableExpressionsInStoredQueries()).isFalse();
        assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
        assertThat(configuration.getDeserializationAllowedClasses()).isEmpty();
        assertThat(configuration.getDeserializationAllowedPackages()).isEmpty();
        assertThat(configuration.isEnableXxeProcessing()).isFalse();
        assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(LIMIT);
        assertThat(configuration.getLoginDelayBase()).isZero();
        assertThat(configuration.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void shouldRefuseToStartWhenALaterPluginReEnablesExpressions() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        EngineHardeningPlugin plugin = plugin();
        plugin.preInit(configuration);
        configuration.setEnableExpressionsInAdhocQueries(true);

        assertThatThrownBy(() -> plugin.postInit(configuration)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseToStartWhenALaterPluginSwitchesTheEngineAccountLockBackOn() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        EngineHardeningPlugin plugin = plugin();
        plugin.preInit(configuration);
        configuration.setLoginMaxAttempts(10);

        assertThatThrownBy(() -> plugin.postInit(configuration)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldNeverLockAnAccountAfterManyWrongPasswords() {
        // given: an account, and 50 wrong passwords in quick succession (Camunda locks for good after 10)
        IdentityService identity = engine.getIdentityService();
        User user = identity.newUser("guessed");
        user.setPassword("right-passphrase");
        identity.saveUser(user);
        try {
            for (int i = 0; i < 50; i++) {
                assertThat(identity.checkPassword("guessed", "guess-" + i)).isFalse();
            }

            // when / then: the right password is accepted at once, and the failure count is cleared
            assertThat(identity.checkPassword("guessed", "right-passphrase")).isTrue();
            assertThat(identity.checkPassword("guessed", "guess-50")).isFalse();
            assertThat(identity.checkPassword("guessed", "right-passphrase")).as("no delay after a failure").isTrue();
        } finally {
            identity.deleteUser("guessed");
        }
    }

    @Test
    void shouldRefuseExpressionsInAnAdhocTaskQuery() {
        assertThatThrownBy(() -> engine.getTaskService().createTaskQuery().taskAssigneeExpression("${'x'}").list())
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Expressions are forbidden");
    }

    @Test
    void shouldRefuseJavaSerializedVariablesAsTheRestApiWouldSendThem() throws Exception {
        // The attack path: a client sends bytes in Java serialization format for the engine to deserialise.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(List.of("a")));
        }
        ObjectValue serialized = Variables.serializedObjectValue(Base64.getEncoder().encodeToString(bytes.toByteArray()))
                .serializationDataFormat(SerializationDataFormats.JAVA)
                .objectTypeName(ArrayList.class.getName())
                .create();
        Task task = engine.getTaskService().newTask();
        engine.getTaskService().saveTask(task);
        try {
            assertThatThrownBy(() -> engine.getTaskService().setVariable(task.getId(), "payload", serialized))
                    .isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("Java serialization format is prohibited");
            assertThat(engine.getTaskService().getVariables(task.getId())).isEmpty();
        } finally {
            engine.getTaskService().deleteTask(task.getId(), true);
        }
    }

    @Test
    void shouldCapUnboundedQueriesOnlyForAnAuthenticatedUser() {
        // Our own services call the engine without an authenticated user: no cap.
        assertThat(engine.getTaskService().createTaskQuery().list()).isEmpty();

        engine.getIdentityService().setAuthenticatedUserId("alice");
        try {
            assertThatThrownBy(() -> engine.getTaskService().createTaskQuery().list())
                    .isInstanceOf(BadUserRequestException.class)
                    .hasMessageContaining("unbound");
            assertThatThrownBy(() -> engine.getTaskService().createTaskQuery().listPage(0, LIMIT + 1))
                    .isInstanceOf(BadUserRequestException.class)
                    .hasMessageContaining("Max results limit of " + LIMIT);
            assertThat(engine.getTaskService().createTaskQuery().listPage(0, LIMIT)).isEmpty();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static StandaloneInMemProcessEngineConfiguration configuration() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        List<ProcessEnginePlugin> plugins = new ArrayList<>(configuration.getProcessEnginePlugins());
        plugins.add(plugin());
        configuration.setProcessEnginePlugins(plugins);
        return configuration;
    }

    private static EngineHardeningPlugin plugin() {
        return new EngineHardeningPlugin(new HardeningProperties(LIMIT, DataSize.ofMegabytes(1)));
    }

}
