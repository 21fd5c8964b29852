package org.vouchsafe.system;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.problem.InvalidInputException;

/**
 * Accounts of people (members), for features that may not touch the engine themselves: create an
 * account nobody can sign in to yet, set its password once its owner chose one, and manage group
 * memberships. Calls join the caller's transaction, so an account and the domain row that names it
 * commit together.
 */
@Service
public class PersonalAccounts {

    /** The user ids Camunda's webapps accept ({@code generalResourceWhitelistPattern} in application.yml). */
    public static final String USERNAME_PATTERN = "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*";
    /** Camunda's user id column holds 64 characters. */
    public static final int MAX_USERNAME = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityService identity;

    PersonalAccounts(IdentityService identity) {
        this.identity = identity;
    }

    /** Whether Camunda takes this as a user or group id: the webapps' whitelist, and at most 64 characters. */
    public static boolean isValidId(String id) {
        return id != null && id.length() <= MAX_USERNAME && id.matches(USERNAME_PATTERN);
    }

    public boolean exists(String username) {
        return identity.createUserQuery().userId(username).count() > 0;
    }

    /**
     * Creates an account whose password is 32 random bytes that are never stored, shown or logged:
     * no sign-in path (ours or Camunda's webapps, which check passwords themselves) can succeed
     * until {@link #setPassword} replaces it.
     */
    @Transactional
    public void createUnusable(String username, String firstName, String lastName, String email) {
        if (!isValidId(username)) {
            throw new IllegalArgumentException("not a valid user id: " + username);
        }
        User user = identity.newUser(username);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        user.setPassword(Base64.getEncoder().encodeToString(secret));
        identity.saveUser(user);
    }

    /** Replaces the account's password with 32 random bytes nobody knows: no sign-in can succeed any more. */
    @Transactional
    public void makeUnusable(String username) {
        User user = identity.createUserQuery().userId(username).singleResult();
        if (user == null) {
            return;
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        user.setPassword(Base64.getEncoder().encodeToString(secret));
        identity.saveUser(user);
    }

    /** Sets a password that satisfies the password policy; 400 naming {@code password} otherwise. */
    @Transactional
    public void setPassword(String username, String password) {
        List<String> problems = AdminPasswordPolicy.problems(username, password);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("password", "Choose another password: " + String.join("; ", problems) + ".");
        }
        User user = identity.createUserQuery().userId(username).singleResult();
        if (user == null) {
            throw new IllegalStateException("no account " + username);
        }
        user.setPassword(password);
        identity.saveUser(user);
    }

    /** Adds the account to the group, creating the group (type WORKFLOW) if it is missing. */
    @Transactional
    public void addToGroup(String username, String groupId, String groupName) {
        if (!groupsCreatedInThisTransaction().contains(groupId) && identity.createGroupQuery().groupId(groupId).count() == 0) {
            groupsCreatedInThisTransaction().add(groupId);
            Group group = identity.newGroup(groupId);
            group.setName(groupName);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
        if (!inGroup(username, groupId)) {
            identity.createMembership(username, groupId);
        }
    }

    @Transactional
    public void removeFromGroup(String username, String groupId) {
        if (inGroup(username, groupId)) {
            identity.deleteMembership(username, groupId);
        }
    }

    public boolean inGroup(String username, String groupId) {
        return identity.createUserQuery().userId(username).memberOfGroup(groupId).count() > 0;
    }

    /** The ids of the group's accounts. */
    public List<String> members(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).sorted().toList();
    }

    /**
     * Groups this transaction created. When a decision is recorded inside an engine command (a
     * Tasklist completion), every person's account is made in that one command: the engine writes
     * the new group only when the command ends, so a query for it finds nothing and a second
     * {@code saveGroup} of the same id fails (ENGINE-03002). Remembering what this transaction
     * created makes "create the group if missing" hold for the second person too.
     */
    @SuppressWarnings("unchecked")
    private static java.util.Set<String> groupsCreatedInThisTransaction() {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            return new java.util.HashSet<>();
        }
        Object key = PersonalAccounts.class;
        java.util.Set<String> created = (java.util.Set<String>)
                org.springframework.transaction.support.TransactionSynchronizationManager.getResource(key);
        if (created == null) {
            java.util.Set<String> fresh = new java.util.HashSet<>();
            org.springframework.transaction.support.TransactionSynchronizationManager.bindResource(key, fresh);
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            org.springframework.transaction.support.TransactionSynchronizationManager.unbindResourceIfPossible(key);
                        }
                    });
            created = fresh;
        }
        return created;
    }
}
