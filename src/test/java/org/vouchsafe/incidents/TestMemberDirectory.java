package org.vouchsafe.incidents;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.vouchsafe.system.Roles;

/**
 * Test-only members (picked up by the shared context's component scan): accounts made for a test
 * in groups {@code members} and {@code distro-<id>}, the way admitted people get theirs, and known to
 * the incidents module through this directory. Anyone else is looked up in the application's own
 * directory, if one is wired, so this stand-in never hides the real one.
 */
@Component
@Primary
public class TestMemberDirectory implements MemberDirectory {

    private final Map<String, String> distros = new ConcurrentHashMap<>();
    private final ObjectProvider<MemberDirectory> all;
    private final IdentityService identity;

    TestMemberDirectory(ObjectProvider<MemberDirectory> all, IdentityService identity) {
        this.all = all;
        this.identity = identity;
    }

    @Override
    public Optional<String> distroIdOf(String username) {
        String distro = distros.get(username);
        if (distro != null) {
            return Optional.of(distro);
        }
        return all.stream().filter(d -> d != this).map(d -> d.distroIdOf(username)).flatMap(Optional::stream).findFirst();
    }

    /** A new member account of {@code distroId} (password {@code demo}, an address of its own); its username. */
    public synchronized String member(String distroId) {
        String username = "member-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(username);
        user.setFirstName("Mia");
        user.setLastName("Member");
        user.setEmail(username + "@" + distroId + ".example");
        user.setPassword("demo");
        identity.saveUser(user);
        group(Roles.MEMBERS);
        group("distro-" + distroId);
        identity.createMembership(username, Roles.MEMBERS);
        identity.createMembership(username, "distro-" + distroId);
        distros.put(username, distroId);
        return username;
    }

    /** A distro id no other test uses. */
    public static String freshDistro() {
        return "test-distro-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void group(String id) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(id);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }
}
