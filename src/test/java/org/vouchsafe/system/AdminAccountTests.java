package org.vouchsafe.system;

import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.vouchsafe.VouchsafeTest;
import org.vouchsafe.support.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The non-demo admin account, seeded into the shared engine under a fresh username (the demo's
 * own {@code admin} must keep its demo password for the other tests).
 */
@VouchsafeTest
class AdminAccountTests {

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    StartupSeeding seeding;

    /** Its own gate: a refused account here must not hold the shared application's readiness back. */
    final ReadinessGate gate = new ReadinessGate(new org.springframework.boot.availability.ApplicationAvailabilityBean());

    @Test
    void shouldCreateTheConfiguredAdminWithTheDemoAdminsRights() {
        // given
        String username = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct-Horse-battery-17";

        // when
        new AdminAccount(identity, authorizations, seeding, gate, username, password).ensure();

        // then
        assertThat(identity.checkPassword(username, password)).isTrue();
        assertThat(identity.createUserQuery().userId(username).memberOfGroup(Roles.LIST_ADMINS).count()).isEqualTo(1);
        assertThat(identity.createUserQuery().userId(username).memberOfGroup(Roles.CAMUNDA_ADMIN).count()).isEqualTo(1);
        assertThat(authorizations.isUserAuthorized(username, java.util.List.of(Roles.LIST_ADMINS, Roles.CAMUNDA_ADMIN),
                Permissions.ALL, Resources.DEPLOYMENT, "any")).isTrue();
        assertThat(authorizations.isUserAuthorized(username, java.util.List.of(Roles.LIST_ADMINS, Roles.CAMUNDA_ADMIN),
                Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
        Api.Response engineRest = asUser(username, password).get(null, "/engine-rest/process-definition?maxResults=1");
        assertThat(engineRest.status()).as(engineRest.toString()).isEqualTo(200);
    }

    @Test
    void shouldUpdateThePasswordWhenTheConfigurationChanges() {
        // given
        String username = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        new AdminAccount(identity, authorizations, seeding, gate, username, "first-Secret-passphrase").ensure();

        // when
        new AdminAccount(identity, authorizations, seeding, gate, username, "second-Secret-passphrase").ensure();

        // then
        assertThat(identity.checkPassword(username, "second-Secret-passphrase")).isTrue();
        assertThat(identity.checkPassword(username, "first-Secret-passphrase")).isFalse();
        assertThat(identity.createUserQuery().userId(username).memberOfGroup(Roles.LIST_ADMINS).count()).isEqualTo(1);
    }

    @Test
    void shouldNotCreateAnAdminWithAWeakPassword() {
        String username = "ops-" + UUID.randomUUID().toString().substring(0, 8);

        assertThatThrownBy(() -> new AdminAccount(identity, authorizations, seeding, gate, username, "changeme").ensure())
                .hasMessageContaining("vouchsafe.admin.password");
        assertThat(identity.createUserQuery().userId(username).count()).isZero();
    }

    @Test
    void shouldSeedTheSameAdminFromTwoNodesStartingAtTheSameMoment() throws Exception {
        // given: two nodes of a cluster, one database, one configured admin
        String username = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "cluster-Secret-passphrase";
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);

        // when both seed at once
        try {
            java.util.List<java.util.concurrent.Future<?>> starts = new java.util.ArrayList<>();
            for (int node = 0; node < 2; node++) {
                starts.add(nodes.submit(() -> {
                    together.await();
                    new AdminAccount(identity, authorizations, seeding, gate, username, password).ensure();
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> start : starts) {
                start.get(60, java.util.concurrent.TimeUnit.SECONDS); // neither start fails
            }
        } finally {
            nodes.shutdownNow();
        }

        // then: one account, one membership of each group
        assertThat(identity.createUserQuery().userId(username).count()).isEqualTo(1);
        assertThat(identity.createUserQuery().userId(username).memberOfGroup(Roles.LIST_ADMINS).count()).isEqualTo(1);
        assertThat(identity.createGroupQuery().groupMember(username).list()).extracting(g -> g.getId())
                .containsExactlyInAnyOrder(Roles.LIST_ADMINS, Roles.CAMUNDA_ADMIN);
        assertThat(identity.checkPassword(username, password)).isTrue();
    }

    private Api asUser(String user, String password) {
        return new Api(rest.withBasicAuth(user, password));
    }
}
