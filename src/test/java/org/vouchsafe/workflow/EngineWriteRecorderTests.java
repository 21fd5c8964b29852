package org.vouchsafe.workflow;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditEvent;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.system.Roles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recorder in the engine's command chain: it records in the transaction the command
 * commits in (and so rolls back with it), once per outermost command, and only for commands
 * run by an authenticated Camunda user.
 */
@VouchsafeTest
class EngineWriteRecorderTests {

    @Autowired
    IdentityService identity;

    @Autowired
    ProcessEngineConfiguration configuration;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    AuditLog auditLog;

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    @Test
    void shouldRecordAWriteOfAnAuthenticatedUser() {
        // given
        long head = auditLog.verify().headSeq();
        String group = "grp-" + UUID.randomUUID().toString().substring(0, 8);
        signIn("admin");

        // when
        identity.saveGroup(newGroup(group));

        // then
        List<AuditEvent> events = engineEventsAfter(head);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).actor()).isEqualTo("admin");
        assertThat(events.get(0).action()).isEqualTo(AuditAction.IDENTITY_CHANGED);
        assertThat(events.get(0).summary()).startsWith("admin changed Camunda identities (save group): created group " + group);
        assertThat(events.get(0).details()).containsEntry("command", "SaveGroupCmd").doesNotContainKey("channel");
        assertThat(events.get(0).publicToApplicant()).isFalse();
    }

    @Test
    void shouldRollTheEventBackWithTheTransactionOfTheCommand() {
        // given
        long head = auditLog.verify().headSeq();
        String group = "grp-" + UUID.randomUUID().toString().substring(0, 8);
        signIn("admin");

        // when: the command joins a transaction that then rolls back
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            identity.saveGroup(newGroup(group));
            status.setRollbackOnly();
        });

        // then: neither the group nor its event exists
        assertThat(identity.createGroupQuery().groupId(group).count()).isZero();
        assertThat(engineEventsAfter(head)).isEmpty();
    }

    @Test
    void shouldRecordNestedCommandsOnceWithTheOutermostCommand() {
        // given
        long head = auditLog.verify().headSeq();
        String first = "grp-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "grp-" + UUID.randomUUID().toString().substring(0, 8);
        signIn("admin");
        Command<Void> both = context -> {
            identity.saveGroup(newGroup(first));
            identity.saveGroup(newGroup(second));
            return null;
        };

        // when
        ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired().execute(both);

        // then
        List<AuditEvent> events = engineEventsAfter(head);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).details().get("changes"))
                .contains("created group " + first).contains("created group " + second);
    }

    @Test
    void shouldIgnoreTheApplicationsOwnCallsWithoutAnAuthenticatedUser() {
        // given
        long head = auditLog.verify().headSeq();

        // when
        identity.saveGroup(newGroup("grp-" + UUID.randomUUID().toString().substring(0, 8)));

        // then
        assertThat(engineEventsAfter(head)).isEmpty();
    }

    @Test
    void shouldIgnoreReadsOfAnAuthenticatedUser() {
        // given
        long head = auditLog.verify().headSeq();
        signIn("admin");

        // when
        long groups = identity.createGroupQuery().count();
        identity.createUserQuery().userId("reviewer1").singleResult();

        // then
        assertThat(groups).isPositive();
        assertThat(engineEventsAfter(head)).isEmpty();
    }

    private void signIn(String user) {
        identity.setAuthentication(user, List.of(Roles.LIST_ADMINS, Roles.CAMUNDA_ADMIN));
    }

    private Group newGroup(String id) {
        Group group = identity.newGroup(id);
        group.setName("Audit test group");
        group.setType("WORKFLOW");
        return group;
    }

    private List<AuditEvent> engineEventsAfter(long seq) {
        return auditLog.eventsAfter(seq, 500).stream()
                .filter(e -> e.action() == AuditAction.ENGINE_CHANGE || e.action() == AuditAction.IDENTITY_CHANGED)
                .toList();
    }
}
