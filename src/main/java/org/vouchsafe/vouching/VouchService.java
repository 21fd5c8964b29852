package org.vouchsafe.vouching;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.criteria.CriteriaService;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.Requests;
import org.vouchsafe.intake.Requester;
import org.vouchsafe.membership.Member;
import org.vouchsafe.membership.MemberRepository;
import org.vouchsafe.pgp.CertificateInspector;
import org.vouchsafe.pgp.KeyProblem;
import org.vouchsafe.pgp.KeyReport;
import org.vouchsafe.pgp.SignatureService;
import org.vouchsafe.pgp.SignatureVerification;
import org.vouchsafe.problem.ConflictException;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.NotFoundException;

/**
 * Takes vouches: serves the statement to sign, verifies the signature, decides the voucher's branch
 * and eligibility, stores the vouch and re-runs criterion 9, so reviewers see the chain grow. Every
 * refusal names its {@link VouchRefusal}; what an anonymous voucher is told of it is
 * {@link PublicVouching}'s business.
 *
 * <p>A vouch is judged in three steps, each a method, so that a caller can tell which one refused:
 * {@link #checkShape} (the body alone), {@link #verifySignature} (the signature over the statement as
 * sent, by the key sent or the key on file) and the eligibility of {@link #record(String, VouchInput, Signed)}.
 */
@Service
public class VouchService {

    static final int MAX_EVIDENCE = 10;
    /** The audit log's limit on a summary (AuditLog refuses longer ones). */
    private static final int MAX_AUDIT_SUMMARY = 2000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final Requests requests;
    private final VouchRepository vouches;
    private final VouchingRoundRepository rounds;
    private final MemberRepository members;
    private final SignatureService signatures;
    private final CertificateInspector inspector;
    private final VouchStatements statements;
    private final CriteriaService criteria;
    private final AuditLog audit;
    private final VouchingProperties properties;
    private final VouchingWorkflow workflow;
    private final Clock clock;

    VouchService(Requests requests, VouchRepository vouches, VouchingRoundRepository rounds,
                 MemberRepository members, SignatureService signatures, CertificateInspector inspector,
                 VouchStatements statements, CriteriaService criteria, AuditLog audit, VouchingProperties properties,
                 @Lazy VouchingWorkflow workflow, Clock clock) {
        this.requests = requests;
        this.vouches = vouches;
        this.rounds = rounds;
        this.members = members;
        this.signatures = signatures;
        this.inspector = inspector;
        this.statements = statements;
        this.criteria = criteria;
        this.audit = audit;
        this.properties = properties;
        this.workflow = workflow;
        this.clock = clock;
    }

    /**
     * The statement {@code voucherEmail} signs to vouch for {@code requesterEmail} on this request.
     * The addresses are checked before the request is looked up, so that a malformed address gets
     * the same answer whether the request exists or not.
     */
    @Transactional(readOnly = true)
    public String statement(String requestId, String voucherEmail, String requesterEmail) {
        requireEmail("voucher", voucherEmail);
        requireEmail("for", requesterEmail);
        String voucher = VouchStatements.normalise(voucherEmail);
        if (voucher.equals(VouchStatements.normalise(requesterEmail))) {
            throw selfVouch("voucher");
        }
        MembershipRequest request = request(requestId);
        Requester requester = requester(request, requesterEmail, "for");
        return statements.text(request, voucher, requester);
    }

    /**
     * A vouch sent through the API (no account: the signature authenticates). Tells the process
     * about it: a veteran's vouch opens the admin's confirmation task, a member's closes their
     * Tasklist invitation, and the last missing vouch ends the vouching.
     */
    @Transactional
    public Vouch submit(String requestId, VouchInput input) {
        checkShape(input);
        return submit(requestId, input, verifySignature(requestId, input));
    }

    /** {@link #submit(String, VouchInput)} once the shape and the signature are checked. */
    @Transactional
    Vouch submit(String requestId, VouchInput input, Signed signed) {
        Vouch vouch = record(requestId, input, signed);
        if (vouch.getStatus() == VouchStatus.AWAITING_CONFIRMATION) {
            workflow.veteranVouchAwaitsConfirmation(requestId, vouch.getId());
            return vouch;
        }
        if (vouch.getBranch() == VoucherBranch.MEMBER) {
            workflow.memberVouched(requestId, vouch.getVoucherEmail(), vouch.getRequesterEmail());
        }
        if (allVouched(requestId)) {
            workflow.allVouched(requestId);
        }
        return vouch;
    }

    /**
     * Verifies and stores a vouch without telling the process: the caller is the process itself
     * (a member's Tasklist form), which goes on by its own model.
     */
    @Transactional
    public Vouch record(String requestId, VouchInput input) {
        checkShape(input);
        return record(requestId, input, verifySignature(requestId, input));
    }

    /**
     * A signature that verified over the statement as sent, by the key sent or, when none was sent,
     * the key on file for the voucher's address; eligibility decides next whether that key and that
     * statement are the right ones.
     *
     * @param verification the valid verification, with the signed text and the detached signature
     * @param fingerprint   the fingerprint of the key that signed
     * @param sentKey       the health of the key the voucher sent, judged for their address; null when none was sent
     */
    record Signed(SignatureVerification verification, String fingerprint, KeyReport sentKey) {
    }

    /** What the body alone decides: required fields, formats and lengths, and that nobody vouches for themselves. */
    void checkShape(VouchInput input) {
        validate(input);
        if (VouchStatements.normalise(input.voucher().email()).equals(VouchStatements.normalise(input.requester()))) {
            throw selfVouch("requester");
        }
    }

    /**
     * Verifies the signature over the statement as sent (whether it is the served one is checked with
     * eligibility) by the key sent or, when none was sent, the key on file for the voucher's address:
     * a member's filed key, or a teammate's key on this request. With a key sent, the outcome depends
     * on the body alone. Without one, a missing key on file is checked against a decoy certificate
     * first, so that it costs what a wrong signature by a key on file costs.
     */
    @Transactional(readOnly = true)
    Signed verifySignature(String requestId, VouchInput input) {
        Instant now = clock.instant();
        String voucherEmail = VouchStatements.normalise(input.voucher().email());
        String text = VouchStatements.asServed(input.statement());
        String sent = input.voucher().publicKey();
        if (sent == null || sent.isBlank()) {
            Optional<String> onFile = keyOnFile(requestId, voucherEmail);
            SignatureVerification verification = signatures.verifyBySentKey(onFile.orElse(signatures.decoyCertificate()),
                    text, input.signature(), now);
            if (onFile.isEmpty()) {
                throw new VouchRefusedException(VouchRefusal.NO_KEY_ON_FILE, "voucher.publicKey", "No key of "
                        + voucherEmail + " is on file; send your public key in voucher.publicKey (gpg --armor --export "
                        + "<your fingerprint>).");
            }
            return signed(verification, null);
        }
        // Inspected for every voucher, named or not: no branch of eligibility skips this work later.
        KeyReport report = inspector.inspect(sent, voucherEmail, now);
        if (report.fingerprint().isEmpty()) {
            throw new VouchRefusedException(VouchRefusal.BAD_KEY, "voucher.publicKey", report.problems().stream()
                    .map(KeyProblem::message).findFirst().orElse("The key cannot be read."));
        }
        return signed(signatures.verifyBySentKey(sent, text, input.signature(), now), report);
    }

    private static Signed signed(SignatureVerification verification, KeyReport sentKey) {
        if (!verification.valid()) {
            throw switch (verification.code()) {
                case WRONG_KEY -> new VouchRefusedException(VouchRefusal.WRONG_KEY, "signature", verification.message());
                case TEXT_ALTERED -> new VouchRefusedException(VouchRefusal.STATEMENT_ALTERED, "signature",
                        verification.message());
                case BAD_KEY -> new VouchRefusedException(VouchRefusal.BAD_KEY, "voucher.publicKey", verification.message());
                default -> new VouchRefusedException(VouchRefusal.BAD_SIGNATURE, "signature", verification.message());
            };
        }
        return new Signed(verification, verification.signerFingerprint().orElseThrow(), sentKey);
    }

    /** The key a voucher who sends none is checked against: the roster decides first, as eligibility does. */
    private Optional<String> keyOnFile(String requestId, String voucherEmail) {
        Optional<Member> member = members.findByEmailIgnoreCase(voucherEmail);
        if (member.isPresent()) {
            return filedAs(member.get()).map(Requester::getPublicKey);
        }
        return requests.find(requestId).flatMap(r -> r.getRequesters().stream()
                        .filter(q -> VouchStatements.normalise(q.getEmail()).equals(voucherEmail)).findFirst())
                .map(Requester::getPublicKey).filter(k -> !k.isBlank());
    }

    /** The member as filed with the request that admitted them (with their key), if they came through Vouchsafe. */
    private Optional<Requester> filedAs(Member member) {
        return Optional.ofNullable(member.getRequestId()).flatMap(requests::find)
                .flatMap(r -> r.getRequesters().stream()
                        .filter(q -> q.getEmail().equalsIgnoreCase(member.getEmail())).findFirst())
                .filter(q -> q.getPublicKey() != null && !q.getPublicKey().isBlank());
    }

    /**
     * Eligibility and storage once the signature verified: the request is open, the person vouched
     * for is on it, the voucher may vouch, the key that signed is theirs and the statement is the one
     * served.
     */
    @Transactional
    Vouch record(String requestId, VouchInput input, Signed signed) {
        MembershipRequest request = request(requestId);
        if (request.getStatus().isClosed()) {
            throw new VouchRefusedException(VouchRefusal.REQUEST_CLOSED, "", "The request is " + request.getStatus()
                    + "; vouches are taken only while it is open.");
        }
        if (rounds.findById(requestId).map(VouchingRound::deadlinePassed).orElse(false)) {
            throw new VouchRefusedException(VouchRefusal.VOUCHING_CLOSED, "", "The vouching deadline of this request has "
                    + "passed; ask the list admin to reopen the request.");
        }
        String voucherEmail = VouchStatements.normalise(input.voucher().email());
        String requesterEmail = VouchStatements.normalise(input.requester());
        Requester requester = requester(request, requesterEmail, "requester");
        if (vouches.existsByRequestIdAndVoucherEmailAndRequesterEmail(requestId, voucherEmail, requesterEmail)) {
            throw new VouchRefusedException(VouchRefusal.DUPLICATE_VOUCH, "requester", voucherEmail + " has already "
                    + "vouched for " + requesterEmail + " on this request; one vouch per voucher and person.");
        }
        List<Vouch> existing = vouches.findByRequestIdOrderByRecordedAt(requestId);
        Instant now = clock.instant();
        Eligibility eligibility = eligibility(request, input.voucher(), voucherEmail, existing, LocalDate.ofInstant(now,
                clock.getZone()), signed);

        String served = statements.text(request, voucherEmail, requester);
        if (!VouchStatements.same(served, input.statement())) {
            throw new VouchRefusedException(VouchRefusal.STATEMENT_ALTERED, "statement", "The statement differs from "
                    + "the one served for this voucher and requester; fetch GET /api/requests/" + requestId
                    + "/vouches/statement?voucher=" + voucherEmail + "&for=" + requesterEmail + " and sign it unchanged.");
        }
        // The signature verified over the sent statement; being the served one, that is what was signed.
        SignatureVerification verification = signed.verification();

        Vouch vouch = new Vouch(requestId, input.voucher().name().trim(), voucherEmail,
                blankToNull(input.voucher().affiliation()), eligibility.branch(), requesterEmail,
                VouchStrength.valueOf(input.strength().trim()), blankToNull(input.comment()), eligibility.status(),
                eligibility.depth(), eligibility.fingerprint(), verification.signedText().orElseThrow(),
                verification.detachedSignature().orElseThrow(), verification.signedAt().orElseThrow(), now);
        if (eligibility.branch() == VoucherBranch.VETERAN) {
            vouch.veteranEvidence(input.voucher().publicKey(), input.voucher().firstActivity(),
                    input.voucher().evidence().stream().map(String::trim).toList());
        }
        vouches.saveAndFlush(vouch);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("voucher", voucherEmail);
        details.put("requester", requesterEmail);
        details.put("branch", vouch.getBranch().name());
        details.put("strength", vouch.getStrength().name());
        details.put("status", vouch.getStatus().name());
        details.put("depth", String.valueOf(vouch.getDepth()));
        details.put("fingerprint", vouch.getVoucherFingerprint());
        audit.record(actor(voucherEmail), AuditAction.VOUCH_RECORDED, requestId, vouch.getVoucherName() + " ("
                + vouch.getBranch().name().toLowerCase(java.util.Locale.ROOT) + ") vouched for " + requester.getName(),
                details, true);
        criteria.run(requestId, 9);
        return vouch;
    }

    /**
     * Records why a vouch sent without an account was refused after its signature verified. The
     * voucher is told only that it was not accepted (see {@link PublicVouching}); the reason goes to
     * the audit trail, which list admins read, and to the applicant's timeline, so that the people who
     * asked for the vouch learn what to fix. The event names the key that signed.
     */
    @Transactional
    void recordRefusal(String requestId, VouchInput input, Signed signed, VouchRefusedException refusal) {
        String voucherEmail = VouchStatements.normalise(input.voucher().email());
        String requesterEmail = VouchStatements.normalise(input.requester());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("voucher", voucherEmail);
        details.put("requester", requesterEmail);
        details.put("reason", refusal.reason().name());
        details.put("field", refusal.field());
        details.put("fingerprint", signed.fingerprint());
        String summary = "Refused a vouch by " + voucherEmail + " for " + requesterEmail + ": " + refusal.sentence();
        audit.record(actor(voucherEmail), AuditAction.VOUCH_REFUSED, requestId,
                summary.length() <= MAX_AUDIT_SUMMARY ? summary : summary.substring(0, MAX_AUDIT_SUMMARY - 1) + "…",
                details, true);
    }

    /** A list admin's verdict on a veteran's evidence; a confirmed vouch counts from now on. */
    @Transactional
    public Vouch confirm(String vouchId, boolean confirmed, String note, String admin) {
        Vouch vouch = vouches.findById(vouchId).orElseThrow(() -> new NotFoundException("No vouch " + vouchId + "."));
        if (vouch.getStatus() != VouchStatus.AWAITING_CONFIRMATION) {
            throw new ConflictException("This vouch is " + vouch.getStatus() + "; only a vouch awaiting confirmation "
                    + "can be confirmed.");
        }
        if (!confirmed && (note == null || note.isBlank())) {
            throw new InvalidInputException("confirmationNote", "is required when the evidence does not convince: "
                    + "the voucher and reviewers must learn why.");
        }
        vouch.confirm(confirmed, admin, blankToNull(note), clock.instant());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("vouch", vouchId);
        details.put("voucher", vouch.getVoucherEmail());
        details.put("requester", vouch.getRequesterEmail());
        details.put("status", vouch.getStatus().name());
        if (vouch.getConfirmationNote() != null) {
            details.put("note", vouch.getConfirmationNote());
        }
        audit.record(actor(admin), AuditAction.VOUCH_RECORDED, vouch.getRequestId(), (confirmed ? "Confirmed" : "Did not "
                + "confirm") + " the oss-security evidence of " + vouch.getVoucherName() + " vouching for "
                + vouch.getRequesterEmail(), details, true);
        criteria.run(vouch.getRequestId(), 9);
        return vouch;
    }

    @Transactional(readOnly = true)
    public List<Vouch> vouches(String requestId) {
        return vouches.findByRequestIdOrderByRecordedAt(requestId);
    }

    @Transactional(readOnly = true)
    public Optional<Vouch> vouch(String vouchId) {
        return vouches.findById(vouchId);
    }

    /** The chain of a stored request as it stands. */
    @Transactional(readOnly = true)
    VouchChain chain(String requestId) {
        MembershipRequest request = request(requestId);
        return VouchChain.of(request.getRequesters().stream().map(Requester::getEmail).toList(),
                vouches.findByRequestIdOrderByRecordedAt(requestId));
    }

    /** Every vouch and where each requester stands in the chain. */
    @Transactional(readOnly = true)
    public VouchesView view(String requestId) {
        MembershipRequest request = request(requestId);
        List<Vouch> all = vouches.findByRequestIdOrderByRecordedAt(requestId);
        VouchChain chain = VouchChain.of(request.getRequesters().stream().map(Requester::getEmail).toList(), all);
        return new VouchesView(requestId, all.stream().map(VouchesView::of).toList(), request.getRequesters().stream()
                .map(r -> new VouchesView.RequesterView(r.getName(), r.getEmail(), chain.isVouched(r.getEmail()),
                        chain.depth(r.getEmail()).orElse(null)))
                .toList());
    }

    /** The chain as an SVG graph. */
    @Transactional(readOnly = true)
    public String svg(String requestId) {
        MembershipRequest request = request(requestId);
        List<Vouch> all = vouches.findByRequestIdOrderByRecordedAt(requestId);
        return VouchChainSvg.render(request, all,
                VouchChain.of(request.getRequesters().stream().map(Requester::getEmail).toList(), all));
    }

    @Transactional(readOnly = true)
    public boolean allVouched(String requestId) {
        return chain(requestId).allVouched();
    }

    /** The voucher's branch, the fingerprint of their key, and the status and depth the vouch gets. */
    private record Eligibility(VoucherBranch branch, String fingerprint, VouchStatus status, int depth) {
    }

    private Eligibility eligibility(MembershipRequest request, VouchInput.Voucher voucher, String voucherEmail,
                                    List<Vouch> existing, LocalDate today, Signed signed) {
        Optional<Member> member = members.findByEmailIgnoreCase(voucherEmail);
        if (member.isPresent()) {
            return memberEligibility(member.get(), signed);
        }
        Optional<Requester> teammate = request.getRequesters().stream()
                .filter(r -> VouchStatements.normalise(r.getEmail()).equals(voucherEmail)).findFirst();
        if (teammate.isPresent()) {
            VouchChain chain = VouchChain.of(request.getRequesters().stream().map(Requester::getEmail).toList(), existing);
            Integer depth = chain.depth(voucherEmail).orElseThrow(() -> new VouchRefusedException(
                    VouchRefusal.UNVOUCHED_TEAMMATE, "voucher.email", voucherEmail + " is a requester who is not yet "
                    + "vouched for; a teammate may vouch only once a member or a confirmed veteran has vouched for "
                    + "them (directly or through a vouched teammate)."));
            String fingerprint = fingerprintOf(teammate.get().getPublicKey(), teammate.get().getFingerprint(),
                    voucherEmail);
            requireSigner(signed, fingerprint, "the key filed with the request");
            return new Eligibility(VoucherBranch.TEAMMATE, fingerprint, VouchStatus.COUNTING, depth + 1);
        }
        return veteranEligibility(request, voucher, voucherEmail, existing, today, signed);
    }

    private Eligibility memberEligibility(Member member, Signed signed) {
        // The stored fingerprints first: no key is parsed on this branch that the others do not parse.
        String expected = member.getFingerprint() != null
                ? CertificateInspector.normaliseFingerprint(member.getFingerprint())
                : filedAs(member).map(r -> fingerprintOf(r.getPublicKey(), r.getFingerprint(), member.getEmail()))
                        .orElse(null);
        if (expected == null) {
            throw new VouchRefusedException(VouchRefusal.NO_KEY_ON_FILE, "voucher.publicKey", "No key of "
                    + member.getEmail() + " is on the roster; ask the list admin to record your fingerprint.");
        }
        requireSigner(signed, expected, "your key on the roster");
        return new Eligibility(VoucherBranch.MEMBER, expected, VouchStatus.COUNTING, 1);
    }

    private Eligibility veteranEligibility(MembershipRequest request, VouchInput.Voucher voucher, String voucherEmail,
                                           List<Vouch> existing, LocalDate today, Signed signed) {
        boolean named = request.getVouchers().stream().anyMatch(v -> v.getEmail().equalsIgnoreCase(voucherEmail));
        if (!named) {
            throw new VouchRefusedException(VouchRefusal.NOT_NAMED, "voucher.email", voucherEmail + " is neither on the "
                    + "roster nor named as a voucher of this request; the list admin can add you as a voucher.");
        }
        List<FieldProblem> missing = new ArrayList<>();
        if (signed.sentKey() == null) {
            missing.add(new FieldProblem("voucher.publicKey", "is required for a voucher who is not a list member."));
        }
        if (voucher.firstActivity() == null) {
            missing.add(new FieldProblem("voucher.firstActivity", "is required: the date of your first oss-security "
                    + "posting, YYYY-MM-DD."));
        }
        List<String> evidence = voucher.evidence() == null ? List.of() : voucher.evidence();
        if (evidence.stream().noneMatch(e -> e != null && e.trim().startsWith("https://"))) {
            missing.add(new FieldProblem("voucher.evidence", "give at least one https link to your oss-security "
                    + "postings (e.g. https://www.openwall.com/lists/oss-security/...)."));
        }
        if (!missing.isEmpty()) {
            throw new VouchRefusedException(VouchRefusal.NOT_A_VETERAN, missing.get(0).field(), missing.stream()
                    .map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + " " + b).orElseThrow());
        }
        LocalDate latestStart = today.minus(properties.veteranMinActivity());
        if (voucher.firstActivity().isAfter(latestStart)) {
            throw new VouchRefusedException(VouchRefusal.NOT_A_VETERAN, "voucher.firstActivity", "A voucher who is not "
                    + "a list member must have been active on oss-security for at least " + properties.veteranMinYears()
                    + " years, since " + latestStart + " or earlier; " + voucher.firstActivity() + " is too recent.");
        }
        List<String> affiliated = Affiliation.of(voucherEmail, voucher.affiliation(), request);
        if (!affiliated.isEmpty()) {
            throw new VouchRefusedException(VouchRefusal.AFFILIATED, "voucher.affiliation", "A voucher who is not a "
                    + "list member must not be affiliated with " + request.getDistroName() + " nor its organization, "
                    + "but " + String.join(" and ", affiliated) + ". Ask a list member or an unaffiliated long-time "
                    + "oss-security participant to vouch.");
        }
        // Inspected for their address when the signature was verified, before anyone's eligibility was looked at.
        KeyReport report = signed.sentKey();
        List<KeyProblem> blocking = report.problems().stream()
                .filter(p -> p.code() != KeyProblem.Code.NO_ENCRYPTION_SUBKEY).toList();
        if (report.fingerprint().isEmpty() || !blocking.isEmpty()) {
            throw new VouchRefusedException(VouchRefusal.BAD_KEY, "voucher.publicKey", blocking.stream()
                    .map(KeyProblem::message).reduce((a, b) -> a + " " + b).orElse("The key cannot be read."));
        }
        String fingerprint = report.fingerprint().get();
        List<Vouch> earlier = existing.stream().filter(v -> v.getVoucherEmail().equals(voucherEmail)).toList();
        if (earlier.stream().anyMatch(v -> !v.getVoucherFingerprint().equals(fingerprint))) {
            throw new VouchRefusedException(VouchRefusal.WRONG_KEY, "voucher.publicKey", "You vouched on this request "
                    + "before with key " + earlier.get(0).getVoucherFingerprint() + "; sign with that key.");
        }
        // The admin judged this voucher's evidence already on this request: the same evidence need not be judged twice.
        boolean confirmedBefore = earlier.stream().anyMatch(v -> v.getStatus() == VouchStatus.COUNTING);
        return new Eligibility(VoucherBranch.VETERAN, fingerprint,
                confirmedBefore ? VouchStatus.COUNTING : VouchStatus.AWAITING_CONFIRMATION, 1);
    }

    private String fingerprintOf(String armoredKey, String stored, String email) {
        if (stored != null && !stored.isBlank()) {
            return CertificateInspector.normaliseFingerprint(stored);
        }
        return inspector.inspect(armoredKey, email, clock.instant()).fingerprint()
                .orElseThrow(() -> new VouchRefusedException(VouchRefusal.NO_KEY_ON_FILE, "voucher.email", "The key "
                        + "on file for " + email + " cannot be read; ask the list admin."));
    }

    /** A member or teammate must have signed with the key on file: the file, not the sender, says who they are. */
    private static void requireSigner(Signed signed, String expectedFingerprint, String onFile) {
        if (!signed.fingerprint().equals(expectedFingerprint)) {
            throw new VouchRefusedException(VouchRefusal.WRONG_KEY, "voucher.publicKey", "The key that signed ("
                    + signed.fingerprint() + ") is not " + onFile + " (" + expectedFingerprint + "); sign with that "
                    + "key, or leave publicKey out.");
        }
    }

    private void validate(VouchInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input == null) {
            throw new InvalidInputException("", "The request body is empty; send the vouch as JSON.");
        }
        if (input.voucher() == null) {
            problems.add(new FieldProblem("voucher", "is required: name, email, affiliation (and for non-members "
                    + "publicKey, firstActivity, evidence)."));
        } else {
            text(problems, "voucher.name", input.voucher().name(), 200, true);
            if (text(problems, "voucher.email", input.voucher().email(), 320, true)
                    && !EMAIL.matcher(input.voucher().email().trim()).matches()) {
                problems.add(new FieldProblem("voucher.email", "must be an e-mail address."));
            }
            text(problems, "voucher.affiliation", input.voucher().affiliation(), 200, false);
            if (input.voucher().evidence() != null) {
                if (input.voucher().evidence().size() > MAX_EVIDENCE) {
                    problems.add(new FieldProblem("voucher.evidence", "give at most " + MAX_EVIDENCE + " links."));
                }
                for (int i = 0; i < input.voucher().evidence().size(); i++) {
                    String link = input.voucher().evidence().get(i);
                    if (link == null || !link.trim().matches("https?://\\S{1,1990}")) {
                        problems.add(new FieldProblem("voucher.evidence[" + i + "]", "must be an http(s) link."));
                    }
                }
            }
        }
        if (text(problems, "requester", input.requester(), 320, true)
                && !EMAIL.matcher(input.requester().trim()).matches()) {
            problems.add(new FieldProblem("requester", "must be the e-mail address of a requester."));
        }
        if (text(problems, "strength", input.strength(), 20, true)) {
            try {
                VouchStrength.valueOf(input.strength().trim());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("strength", "must be WORKED_CLOSELY, KNOWS_WORK or CROSSED_PATHS."));
            }
        }
        text(problems, "statement", input.statement(), 8000, true);
        text(problems, "signature", input.signature(), 64 * 1024, true);
        text(problems, "comment", input.comment(), 4000, false);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static boolean text(List<FieldProblem> problems, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required."));
            }
            return false;
        }
        if (value.length() > max) {
            problems.add(new FieldProblem(field, "is longer than " + max + " characters."));
            return false;
        }
        return true;
    }

    private static void requireEmail(String field, String value) {
        if (value == null || !EMAIL.matcher(value.trim()).matches() || value.length() > 320) {
            throw new InvalidInputException(field, "must be an e-mail address.");
        }
    }

    private MembershipRequest request(String requestId) {
        return requests.find(requestId)
                .orElseThrow(() -> new NotFoundException("No membership request " + requestId + "."));
    }

    private static Requester requester(MembershipRequest request, String email, String field) {
        String wanted = VouchStatements.normalise(email);
        return request.getRequesters().stream().filter(r -> VouchStatements.normalise(r.getEmail()).equals(wanted))
                .findFirst().orElseThrow(() -> new VouchRefusedException(VouchRefusal.NOT_A_REQUESTER, field, wanted
                        + " is not a requester of this request; vouch for one of the people it asks to subscribe."));
    }

    private static VouchRefusedException selfVouch(String field) {
        return new VouchRefusedException(VouchRefusal.SELF_VOUCH, field, "Nobody can vouch for themselves; ask a list "
                + "member, a long-time oss-security participant, or a teammate who is already vouched for.");
    }

    /** Audit actors are at most 100 characters; an address is the voucher's only identity. */
    private static String actor(String who) {
        return who.length() <= 100 ? who : who.substring(0, 100);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
