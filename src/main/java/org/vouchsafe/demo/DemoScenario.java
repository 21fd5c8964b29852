package org.vouchsafe.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.vouchsafe.accountability.AccountabilityService;
import org.vouchsafe.incidents.IncidentInput;
import org.vouchsafe.incidents.IncidentService;
import org.vouchsafe.members.ContributionInput;
import org.vouchsafe.members.MemberAccount;
import org.vouchsafe.members.MemberAccounts;
import org.vouchsafe.members.MemberDistros;
import org.vouchsafe.membership.DistroIds;
import org.vouchsafe.membership.Member;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.intake.FilingRequest;
import org.vouchsafe.intake.FilingService;
import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.membership.AdminDecisionService;
import org.vouchsafe.membership.DecisionInput;
import org.vouchsafe.pgp.Challenge;
import org.vouchsafe.pgp.RequestChallenges;
import org.vouchsafe.pgp.RequestPolicySignatures;
import org.vouchsafe.review.ReviewProperties;
import org.vouchsafe.review.ReviewService;
import org.vouchsafe.review.VoteInput;
import org.vouchsafe.system.Roles;
import org.vouchsafe.vouching.VouchInput;
import org.vouchsafe.vouching.VouchService;
import org.vouchsafe.workflow.DemoProcessDriver;

/**
 * The demo's story, told through the same services the REST API calls and the processes they
 * drive: six made-up distros become members one after another (each person answers their own
 * encrypted challenge, signs their own policy statement and is vouched for: the first distro by a
 * long-time oss-security participant whose evidence the admin confirms, each later one by a person
 * of an earlier member distro; reviewers vote, the objection window passes, the admin approves),
 * then requests are left standing in every stage a list admin meets. Nothing is written around the
 * services and no outcome is set by hand: a request is where it is because the process took it there.
 *
 * <p>Payloads are built as the API's JSON and read with the application's own mapper, exactly as a
 * request body would be. Who acts is who would act: the demo {@code applicant} account files and
 * hands in the requesters' answers and signatures, the vouchers vouch without an account, the
 * {@code reviewer*} accounts vote (only those the process asked, so conflicts of interest hold),
 * {@code admin} confirms and decides.
 */
@Component
@Profile("demo")
class DemoScenario {

    static final String APPLICANT = "applicant";
    static final String ADMIN = "admin";
    static final String LIST = "linux-distros";

    /** The member distros, in the order they join; names and domains made up (.example is reserved for that). */
    static final List<DistroSpec> MEMBERS = List.of(
            new DistroSpec("Quokka Linux", "quokka-linux.example", "Quokka Linux Project",
                    List.of("Quinn Harlow", "Rosa Quintero"), List.of("T2", "A1", "A8")),
            new DistroSpec("Nimbus Linux", "nimbuslinux.example", "Nimbus Community e.V.",
                    List.of("Nils Baumann", "Ines Okafor"), List.of("T3", "A2", "A10")),
            new DistroSpec("Tern Linux", "ternlinux.example", "Tern Linux Association",
                    List.of("Tomas Lindqvist", "Mei Tanaka"), List.of("T2", "A1", "A12")),
            new DistroSpec("Marmot OS", "marmot-os.example", "Marmot OS Foundation",
                    List.of("Marta Kowalczyk", "Dev Raman"), List.of("T3", "A8", "A13")),
            new DistroSpec("Kestrel Linux", "kestrel-linux.example", "Kestrel Systems Cooperative",
                    List.of("Kai Osei", "Lena Brandt"), List.of("A2", "A10", "A12")),
            new DistroSpec("Wombat GNU/Linux", "wombat-gnu.example", "Wombat Volunteers",
                    List.of("Will Ashby", "Priya Nair"), List.of("A13", "T4", "A9")));

    /** The first member's voucher: unaffiliated, on oss-security since 2013. */
    static final String VETERAN_NAME = "Vera Altmann";
    static final String VETERAN_EMAIL = "vera@oss-veterans.example";

    private static final Authentication APPLICANT_CALLER = UsernamePasswordAuthenticationToken.authenticated(APPLICANT,
            null, List.of(new SimpleGrantedAuthority(Roles.APPLICANTS)));

    private final ObjectMapper json;
    private final FilingService filing;
    private final RequestChallenges challenges;
    private final RequestPolicySignatures policySignatures;
    private final VouchService vouches;
    private final ReviewService review;
    private final ReviewProperties reviewSettings;
    private final AdminDecisionService decisions;
    private final Requests requests;
    private final Catalogue catalogue;
    private final DemoProcessDriver engine;
    private final Clock clock;
    private final MemberAccounts accounts;
    private final MemberDistros memberDistros;
    private final AccountabilityService accountability;
    private final IncidentService incidents;

    DemoScenario(ObjectMapper json, FilingService filing, RequestChallenges challenges,
                 RequestPolicySignatures policySignatures, VouchService vouches, ReviewService review,
                 ReviewProperties reviewSettings,
                 AdminDecisionService decisions, Requests requests, Catalogue catalogue, DemoProcessDriver engine,
                 Clock clock, MemberAccounts accounts, MemberDistros memberDistros,
                 AccountabilityService accountability, IncidentService incidents) {
        this.accounts = accounts;
        this.memberDistros = memberDistros;
        this.accountability = accountability;
        this.incidents = incidents;
        this.json = json;
        this.filing = filing;
        this.challenges = challenges;
        this.policySignatures = policySignatures;
        this.vouches = vouches;
        this.review = review;
        this.reviewSettings = reviewSettings;
        this.decisions = decisions;
        this.requests = requests;
        this.catalogue = catalogue;
        this.engine = engine;
        this.clock = clock;
    }

    /** A distro of the story: name, web domain (addresses and links), organization, its people, the roles it takes on. */
    record DistroSpec(String name, String domain, String organization, List<String> people, List<String> roles) {
    }

    /** What was seeded, for the log line. */
    record Seeded(int members, int people, int requests, Map<RequestStatus, Integer> byStatus) {
    }

    /** Tells the whole story; runs inside the caller's transaction (the start-up lock's). */
    Seeded seed() {
        DemoPerson veteran = DemoPerson.generate(VETERAN_NAME, VETERAN_EMAIL, "independent security researcher");
        List<DemoPerson> members = new ArrayList<>();
        DemoPerson voucher = veteran;
        for (DistroSpec distro : MEMBERS) {
            List<DemoPerson> people = join(distro, voucher, voucher == veteran);
            members.addAll(people);
            voucher = people.get(0);
        }
        pendingRequests(members);
        lifeAfterAdmission(members);
        Map<RequestStatus, Integer> byStatus = new LinkedHashMap<>();
        int total = 0;
        for (RequestStatus status : RequestStatus.values()) {
            int count = (int) requests.page(java.util.Set.of(status), null,
                    org.springframework.data.domain.PageRequest.of(0, 1)).getTotalElements();
            if (count > 0) {
                byStatus.put(status, count);
                total += count;
            }
        }
        return new Seeded(MEMBERS.size(), members.size(), total, byStatus);
    }

    /**
     * One member distro's way in: filed, every person proves their key and accepts the policy, the
     * first is vouched for by {@code voucher} (the veteran, whose evidence the admin confirms, or a
     * member), the first vouches for the second, three reviewers approve, the objection window passes
     * and the admin approves.
     */
    private List<DemoPerson> join(DistroSpec distro, DemoPerson voucher, boolean veteran) {
        List<DemoPerson> people = people(distro);
        String id = file(filing(distro, people, healthyRecord(distro, 420), voucher));
        people.forEach(p -> proveKey(id, p));
        vouch(id, voucher, people.get(0), veteran);
        for (int i = 1; i < people.size(); i++) {
            vouch(id, people.get(0), people.get(i), false);
        }
        approveAndPassWindow(id, MEMBERS.indexOf(distro));
        decide(id, "APPROVED", "Meets all nine criteria; the reviewers approved and nobody objected in the window.");
        return people;
    }

    /** Requests standing in every stage, and two decided the other way. */
    private void pendingRequests(List<DemoPerson> members) {
        // In review with two of three approvals: one person has answered the challenge, the other not yet.
        DistroSpec pangolin = new DistroSpec("Pangolin Linux", "pangolin-linux.example", "Pangolin Linux Project",
                List.of("Paula Grant", "Oskar Lind"), List.of("T1", "A3"));
        List<DemoPerson> pangolinPeople = people(pangolin);
        String inReview = file(filing(pangolin, pangolinPeople, healthyRecord(pangolin, 500), members.get(0)));
        proveKey(inReview, pangolinPeople.get(0));
        signPolicy(inReview, pangolinPeople.get(1));
        vouch(inReview, members.get(0), pangolinPeople.get(0), false);
        vote(inReview, 0, "APPROVE", "Fast fixes, clear advisories.");
        vote(inReview, 1, "APPROVE", "The track record speaks for itself.");

        // Needs information: a reviewer asked a question the applicant has not answered yet.
        DistroSpec axolotl = new DistroSpec("Axolotl Linux", "axolotl-linux.example", "Axolotl Linux Team",
                List.of("Alma Reyes"), List.of("A4", "A5"));
        List<DemoPerson> axolotlPeople = people(axolotl);
        String needsInfo = file(filing(axolotl, axolotlPeople, healthyRecord(axolotl, 450), members.get(2)));
        proveKey(needsInfo, axolotlPeople.get(0));
        vote(needsInfo, 1, "APPROVE", "Looks good to me.");
        vote(needsInfo, 2, "NEEDS_INFO", "Which of the issues in your track record reached you through (linux-)distros, "
                + "and who on your team would read the list?");

        // In the objection window: everything proven, three approvals.
        DistroSpec capybara = new DistroSpec("Capybara Linux", "capybara-linux.example", "Capybara Linux Collective",
                List.of("Carla Mendes", "Jon Abara"), List.of("A6", "A7"));
        String window = provenAndVouched(capybara, members.get(3));
        approve(window, 2);

        // Awaiting the admin's decision: the window has passed without an objection.
        DistroSpec ibex = new DistroSpec("Ibex Linux", "ibex-linux.example", "Ibex Linux Project",
                List.of("Ida Berg"), List.of("A11", "T5"));
        String awaiting = provenAndVouched(ibex, members.get(4));
        approveAndPassWindow(awaiting, 3);

        // Deferred: a good record, but not a year long yet; the admin defers to the date it will be
        // (the track record's eligibility forecast, which the decision takes when no date is given).
        DistroSpec narwhal = new DistroSpec("Narwhal Linux", "narwhal-linux.example", "Narwhal Linux Project",
                List.of("Noor Haddad"), List.of("A3"));
        List<DemoPerson> narwhalPeople = people(narwhal);
        String deferred = file(filing(narwhal, narwhalPeople, healthyRecord(narwhal, 250), members.get(5)));
        narwhalPeople.forEach(p -> proveKey(deferred, p));
        vouch(deferred, members.get(5), narwhalPeople.get(0), false);
        engine.sendToReview(deferred, ADMIN, "Only the track record's length fails; let the reviewers see the rest.");
        approveAndPassWindow(deferred, 4);
        decide(deferred, "DEFERRED", "Reviewers found nothing against it, but criterion 3 asks for a year of fixes; "
                + "we come back to it when the record is a year long.");

        // Rejected at pre-screen: a rebuild of a member distro without a justification and without a record of its own.
        DistroSpec lemming = new DistroSpec("Lemming Linux", "lemming-linux.example", "Lemming Remix Group",
                List.of("Leo Marsh"), List.of("A5"));
        Map<String, Object> rebuild = filing(lemming, people(lemming), youngRecord(lemming), members.get(0));
        distro(rebuild).put("upstream", MEMBERS.get(0).name());
        String rejectedEarly = file(rebuild);
        decide(rejectedEarly, "REJECTED", "A rebuild of Quokka Linux that ships its fixes after Quokka does: list "
                + "membership would not let it fix sooner (criterion 4), and it has no track record of its own (criterion 3).");

        // Rejected after review: an objection, upheld by the admin.
        DistroSpec dodo = new DistroSpec("Dodo Linux", "dodo-linux.example", "Dodo Linux Project",
                List.of("Dora Fenn"), List.of("A4"));
        String objected = provenAndVouched(dodo, members.get(1));
        vote(objected, 0, "APPROVE", "Fine by me.");
        vote(objected, 1, "OBJECT", "Two of their advisories last year were published before the agreed disclosure "
                + "date; the list policy is not optional.");
        decide(objected, "REJECTED", "An advisory published before the agreed date breaks the list policy "
                + "(criterion 6); welcome to apply again after a year without such an incident.");
    }

    /**
     * What members do once admitted, through the same services as their pages and the API:
     * contributions recorded under their own accounts, an accountability request the admin raised
     * that waits for its answer, and a leak incident reported, told, investigated and accepted.
     */
    private void lifeAfterAdmission(List<DemoPerson> members) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        contribute(members.get(0), "A1", today.minusDays(12), "https://www.openwall.com/lists/oss-security/2026/11/20/2",
                "Confirmed receipt of a new report within hours and asked the reporter for a disclosure date.");
        contribute(members.get(1), "A2", today.minusDays(30), "https://www.openwall.com/lists/oss-security/2026/11/02/4",
                "Reminded a reporter of the 14-day limit and agreed a public date with them.");
        contribute(members.get(4), "T2", today.minusDays(5), "https://www.openwall.com/lists/oss-security/2026/11/27/1",
                "Published the CVE details on oss-security on the public date.");

        // Open: Kestrel holds A10 and a report went by without its reminder; the answer is due in two weeks.
        String kestrel = DistroIds.of(MEMBERS.get(4).name());
        accountability.raise(kestrel, new AccountabilityService.RaiseInput("A10",
                        "The embargo of a report ended without the reminder to post it on oss-security.",
                        "https://www.openwall.com/lists/oss-security/2026/11/25/3"),
                org.vouchsafe.accountability.Caller.of(ADMIN, List.of(Roles.LIST_ADMINS)));
        engine.runDueJobs();

        // Closed: Tern leaked an issue to a contractor, told the reporter and the list, reported and was accepted.
        String tern = DistroIds.of(MEMBERS.get(2).name());
        org.vouchsafe.incidents.Caller admin = new org.vouchsafe.incidents.Caller(ADMIN, true, false);
        String incident = incidents.report(new IncidentInput("linux-distros", "[vs] thread of 2026-11-18 (kernel issue)",
                clock.instant().minus(Duration.ofDays(10)).toString(), "One contractor outside the team saw the report.",
                tern), admin).getId();
        engine.runDueJobs();
        incidents.confirmNotice(incident, clock.instant().minus(Duration.ofDays(10)).plus(Duration.ofHours(3)).toString(), admin);
        engine.runDueJobs();
        incidents.submitReport(incident, "The contractor saw the report on a shared screen; nothing was passed on.",
                "Embargoed reports are read only on the security team's machines from now on.", admin);
        engine.runDueJobs();
        incidents.close(incident, "ACCEPTED", "Told at once, investigated, and the measure fits.", admin);
        engine.runDueJobs();
    }

    /** A contribution recorded by a member under their own account, as on their page. */
    private void contribute(DemoPerson person, String role, LocalDate date, String reference, String summary) {
        MemberAccount account = accounts.ofEmail(person.email())
                .orElseThrow(() -> new IllegalStateException("no account for " + person.email()));
        Member member = accounts.memberOf(account.getUsername()).orElseThrow();
        Authentication caller = UsernamePasswordAuthenticationToken.authenticated(account.getUsername(), null,
                List.of(new SimpleGrantedAuthority(Roles.MEMBERS), new SimpleGrantedAuthority(Roles.distroGroup(member.getDistroId()))));
        memberDistros.record(member.getDistroId(), new ContributionInput(role, date.toString(), reference, summary), caller);
    }

    /** Filed, every person proven, the first vouched for by {@code member} and vouching for the others. */
    private String provenAndVouched(DistroSpec distro, DemoPerson member) {
        List<DemoPerson> people = people(distro);
        String id = file(filing(distro, people, healthyRecord(distro, 400), member));
        people.forEach(p -> proveKey(id, p));
        vouch(id, member, people.get(0), false);
        for (int i = 1; i < people.size(); i++) {
            vouch(id, people.get(0), people.get(i), false);
        }
        return id;
    }

    private List<DemoPerson> people(DistroSpec distro) {
        return distro.people().stream()
                .map(name -> DemoPerson.generate(name, name.split(" ")[0].toLowerCase(java.util.Locale.ROOT) + "@"
                        + distro.domain(), distro.name()))
                .toList();
    }

    // --- what each actor does, through the service the REST endpoint calls ---

    /** The applicant files (POST /api/requests); the process's first asynchronous steps run. */
    private String file(Map<String, Object> payload) {
        String id = filing.file(json.convertValue(payload, FilingRequest.class), APPLICANT).getId();
        engine.runDueJobs();
        return id;
    }

    /** The person decrypts their challenge and the applicant hands in the code; then they sign the policy statement. */
    private void proveKey(String requestId, DemoPerson person) {
        Challenge challenge = challenges.read(requestId, person.fingerprint(), APPLICANT_CALLER);
        String code = person.decrypt(challenge.getArmoredMessage()).lines()
                .filter(line -> line.matches("[0-9a-fA-F]{64}")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no code in the challenge to " + person.email()));
        challenges.answer(requestId, person.fingerprint(), code, APPLICANT_CALLER);
        signPolicy(requestId, person);
        engine.runDueJobs();
    }

    /** The person signs the served policy statement (criterion 6) and the applicant hands the signature in. */
    private void signPolicy(String requestId, DemoPerson person) {
        String statement = policySignatures.statement(requestId, person.fingerprint(), APPLICANT_CALLER);
        policySignatures.sign(requestId, person.fingerprint(), person.sign(statement), APPLICANT_CALLER);
    }

    /**
     * {@code voucher} signs the served vouch statement and sends it without an account (POST
     * /api/requests/{id}/vouches). A veteran's vouch then waits for the admin, who confirms the
     * evidence in the confirmation task the process opened.
     */
    private void vouch(String requestId, DemoPerson voucher, DemoPerson requester, boolean veteran) {
        String statement = vouches.statement(requestId, voucher.email(), requester.email());
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("name", voucher.name());
        who.put("email", voucher.email());
        who.put("affiliation", voucher.affiliation());
        who.put("publicKey", voucher.publicKey());
        if (veteran) {
            who.put("firstActivity", "2013-04-02");
            who.put("evidence", List.of("https://www.openwall.com/lists/oss-security/2013/04/02/7",
                    "https://www.openwall.com/lists/oss-security/2019/11/14/2"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("voucher", who);
        body.put("requester", requester.email());
        body.put("strength", veteran ? "KNOWS_WORK" : "WORKED_CLOSELY");
        body.put("statement", statement);
        body.put("signature", voucher.sign(statement));
        body.put("comment", veteran ? "I have read their advisories and their posts to oss-security for years."
                : "We have handled embargoed issues together.");
        vouches.submit(requestId, json.convertValue(body, VouchInput.class));
        if (veteran) {
            engine.confirmVeteranVouches(requestId, ADMIN, "Her oss-security postings go back to 2013; she is not "
                    + "affiliated with the distro.");
        }
        engine.runDueJobs();
    }

    /**
     * The {@code n}th reviewer the process asked (their order rotated so that the work spreads)
     * votes, as with POST /api/requests/{id}/votes. Only reviewers with a vote task are asked, so a
     * reviewer with a conflict of interest never votes.
     */
    private void vote(String requestId, int n, String vote, String comment) {
        List<String> asked = review.eligibleReviewers(requestId);
        String reviewer = asked.get(Math.floorMod(n + requestId.hashCode(), asked.size()));
        for (int i = 0; review.vote(requestId, review.currentTally(requestId).round(), reviewer).isPresent(); i++) {
            reviewer = asked.get(Math.floorMod(n + requestId.hashCode() + i + 1, asked.size()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vote", vote);
        body.put("comment", comment);
        review.castVote(requestId, reviewer, json.convertValue(body, VoteInput.class));
        engine.runDueJobs();
    }

    /** Three reviewers approve: the round reaches its quorum and the objection window opens. */
    private void approve(String requestId, int offset) {
        String[] comments = {"Meets the criteria; the track record is convincing.", "Keys, policy and vouches in order.",
                "Happy to have them on the list."};
        for (int i = 0; i < reviewSettings.quorum(); i++) {
            vote(requestId, offset + i, "APPROVE", comments[i % comments.length]);
        }
    }

    /**
     * Three approvals, then the objection window closes. Its timer is days away; the driver runs the
     * timer's job now, which takes the model's own path to the admin's decision (nothing is set by
     * hand), so the demo shows requests that went through the window today.
     */
    private void approveAndPassWindow(String requestId, int offset) {
        approve(requestId, offset);
        engine.passObjectionWindow(requestId);
    }

    /** The admin decides (POST /api/requests/{id}/decision); a deferral without a date takes the eligibility forecast. */
    private void decide(String requestId, String outcome, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        body.put("reason", reason);
        decisions.decide(requestId, json.convertValue(body, DecisionInput.class), ADMIN);
        engine.runDueJobs();
    }

    // --- the filing payloads, shaped as the API's JSON ---

    private Map<String, Object> filing(DistroSpec spec, List<DemoPerson> people, List<Map<String, Object>> trackRecord,
                                       DemoPerson voucher) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> filing = new LinkedHashMap<>();
        filing.put("list", LIST);
        Map<String, Object> distro = new LinkedHashMap<>();
        distro.put("name", spec.name());
        distro.put("homepage", "https://www." + spec.domain());
        distro.put("organization", spec.organization());
        distro.put("unixLike", true);
        distro.put("openSource", true);
        distro.put("latestRelease", today.minusDays(21 + spec.name().length()).toString());
        distro.put("upstream", null);
        filing.put("distro", distro);
        List<Map<String, Object>> requesters = new ArrayList<>();
        for (DemoPerson p : people) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", p.name());
            r.put("email", p.email());
            r.put("affiliation", spec.organization());
            r.put("publicKey", p.publicKey());
            requesters.add(r);
        }
        filing.put("requesters", requesters);
        filing.put("answers", answers(spec));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("userbase", spec.name() + " runs on desktops, servers and build farms well beyond the "
                + spec.organization() + "; our mirrors see tens of thousands of distinct installations a month.");
        evidence.put("downstreamJustification", null);
        evidence.put("communityLinks", new ArrayList<>(List.of(
                "https://www.openwall.com/lists/oss-security/2025/03/11/4",
                "https://www." + spec.domain() + "/security/")));
        evidence.put("trackRecord", trackRecord);
        filing.put("evidence", evidence);
        List<Map<String, Object>> roles = new ArrayList<>();
        for (String role : spec.roles()) {
            roles.add(new LinkedHashMap<>(Map.of("role", role, "specifics", specifics(role, spec))));
        }
        filing.put("roles", roles);
        filing.put("policy", new LinkedHashMap<>(Map.of("version", catalogue.currentPolicy().version(), "accepted", true)));
        filing.put("vouchers", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("name", voucher.name(),
                "email", voucher.email(), "vouchesFor", people.get(0).email())))));
        return filing;
    }

    private static Map<String, String> answers(DistroSpec spec) {
        String d = spec.name();
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("1", d + " is a general-purpose Linux distribution, built from source, with a release every six "
                + "months and security updates in between.");
        answers.put("2", "Users range from hobbyists to universities and hosting companies; see the userbase evidence.");
        answers.put("3", "Our security tracker lists every fix with its public date; the track record is attached.");
        answers.put("4", d + " builds its packages itself and is not a rebuild of another distro.");
        answers.put("5", "Our security team reads oss-security daily and posts there about our own packages.");
        answers.put("6", "We accept the list policy; each of us signs the statement.");
        answers.put("7", "We take on the roles listed below and will report what we did in them.");
        answers.put("8", "Every one of us uses OpenPGP daily; our keys are listed with the request.");
        answers.put("9", "Our voucher is named below.");
        return answers;
    }

    private static String specifics(String role, DistroSpec spec) {
        return spec.name() + "'s security team takes on " + role + " in its weekly rota, with a named person on duty.";
    }

    /** Five fixes over {@code spanDays} days, the latest three weeks ago, each within two days, all via the list. */
    private List<Map<String, Object>> healthyRecord(DistroSpec spec, int spanDays) {
        LocalDate today = LocalDate.now(clock);
        String prefix = spec.name().substring(0, 2).toUpperCase(java.util.Locale.ROOT) + "SA";
        List<Map<String, Object>> entries = new ArrayList<>();
        int[] daysAgo = {spanDays, spanDays * 3 / 4, spanDays / 2, spanDays / 4, 21};
        for (int i = 0; i < daysAgo.length; i++) {
            LocalDate published = today.minusDays(daysAgo[i]);
            entries.add(entry("CVE-" + published.getYear() + "-" + (31000 + 97 * i + spec.name().length()), published,
                    published.plusDays(1 + i % 2), "https://www." + spec.domain() + "/security/" + prefix + "-"
                            + published.getYear() + "-" + (i + 1)));
        }
        return entries;
    }

    /** Two fixes in the last month: far from a year. */
    private List<Map<String, Object>> youngRecord(DistroSpec spec) {
        LocalDate today = LocalDate.now(clock);
        return new ArrayList<>(List.of(
                entry("CVE-" + today.getYear() + "-40411", today.minusDays(40), today.minusDays(33),
                        "https://www." + spec.domain() + "/news/1"),
                entry("CVE-" + today.getYear() + "-40977", today.minusDays(15), today.minusDays(9),
                        "https://www." + spec.domain() + "/news/2")));
    }

    private static Map<String, Object> entry(String issue, LocalDate published, LocalDate fixed, String reference) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("issue", issue);
        e.put("publicDate", published.toString());
        e.put("fixDate", fixed.toString());
        e.put("viaDistrosList", true);
        e.put("reference", reference);
        e.put("upstreamFixDate", null);
        return e;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> distro(Map<String, Object> filing) {
        return (Map<String, Object>) filing.get("distro");
    }
}
