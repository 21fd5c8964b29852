package org.vouchsafe.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.FilingService;
import org.vouchsafe.membership.DistroIds;
import org.vouchsafe.membership.Member;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.system.Roles;

/**
 * Member distros for tests of life after admission: a request filed with the people's fresh keys
 * (the keys mail to them is encrypted to), the people on the roster holding the given roles, and an
 * account per person in {@code members} and {@code distro-{distroId}} with the demo password, as
 * the accounts feature gives them.
 */
public final class MemberDistros {

    private final FilingService filings;
    private final ObjectMapper json;
    private final MemberRepository members;
    private final IdentityService identity;

    public MemberDistros(FilingService filings, ObjectMapper json, MemberRepository members, IdentityService identity) {
        this.filings = filings;
        this.json = json;
        this.members = members;
        this.identity = identity;
    }

    /** A distro whose {@code people} people hold {@code roles}, admitted {@code joined}. */
    public Distro admit(int people, Instant joined, String... roles) {
        String name = Filings.uniqueDistro();
        String distroId = DistroIds.of(name);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<Person> persons = new ArrayList<>();
        for (int i = 1; i <= people; i++) {
            String email = "p" + i + "-" + tag + "@" + distroId + ".example";
            persons.add(new Person("m" + i + "-" + tag, "Person " + i + " " + tag, email, TestKeys.generate("Person " + i, email)));
        }
        Map<String, Object> filing = Filings.valid(name);
        List<Map<String, Object>> requesters = new ArrayList<>();
        for (Person p : persons) {
            Map<String, Object> r = Filings.requester(p.name(), p.email(), "ann");
            r.put("publicKey", TestKeys.publicKey(p.key()));
            requesters.add(r);
        }
        filing.put("requesters", requesters);
        filing.put("vouchers", new ArrayList<>(List.of(Map.of("name", "Val Voucher", "email", "val@other.org",
                "vouchesFor", persons.get(0).email()))));
        String requestId = filings.file(json.convertValue(filing, FilingRequest.class), "applicant").getId();
        for (Person p : persons) {
            Member member = new Member(requestId, name, "linux-distros", p.name(), p.email(), null, joined);
            for (String role : roles) {
                member.getRoles().add(new Member.RoleHeld(role, "Test commitment to " + role));
            }
            members.save(member);
            account(p.username(), p.email(), Roles.MEMBERS, Roles.distroGroup(distroId));
        }
        return new Distro(distroId, name, persons);
    }

    /** A signed-in account in the given groups (created once), with the demo password. */
    public void account(String username, String email, String... groups) {
        if (identity.createUserQuery().userId(username).count() == 0) {
            User user = identity.newUser(username);
            user.setFirstName(username);
            user.setLastName("Test");
            user.setEmail(email);
            user.setPassword("demo");
            identity.saveUser(user);
        }
        for (String group : groups) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                Group g = identity.newGroup(group);
                g.setName(group);
                g.setType("WORKFLOW");
                identity.saveGroup(g);
            }
            if (identity.createUserQuery().userId(username).memberOfGroup(group).count() == 0) {
                identity.createMembership(username, group);
            }
        }
    }

    /** A member distro in a test. */
    public record Distro(String id, String name, List<Person> people) {
        public Person first() {
            return people.get(0);
        }
    }

    /** One of its people, with their account and key. */
    public record Person(String username, String name, String email, OpenPGPKey key) {
    }
}
