package org.vouchsafe.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vouchsafe.audit.AuditEvent;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.catalogue.Role;
import org.vouchsafe.criteria.CheckOutcome;
import org.vouchsafe.criteria.CheckResult;
import org.vouchsafe.criteria.CriteriaService;
import org.vouchsafe.intake.FilingService;
import org.vouchsafe.intake.FilingValidator;
import org.vouchsafe.intake.MembershipRequest;
import org.vouchsafe.intake.RequestAccess;
import org.vouchsafe.intake.RequestWithdrawal;
import org.vouchsafe.pgp.CertificateInspector;
import org.vouchsafe.pgp.KeyProblem;
import org.vouchsafe.problem.ConflictException;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.review.ReviewService;
import org.vouchsafe.readmodel.RequestReader;
import org.vouchsafe.readmodel.RequestView;

/**
 * The applicant portal: file a request through one form (with a self-assessment before
 * filing), then follow it: status, what to do next, the reviewers' questions and the timeline.
 * Filing goes through {@link FilingService} exactly like {@code POST /api/requests}.
 */
@Controller
@PreAuthorize("hasAnyAuthority('applicants', 'list-admins')")
class PortalController {

    /** What each status means for the applicant, in their words. */
    static final Map<String, String> STATUS_TEXT = Map.of(
            "SUBMITTED", "Filed. The automated checks run now; a request with a failed check goes to the list admin for pre-screening.",
            "IN_REVIEW", "List members are reviewing your request and voting.",
            "NEEDS_INFO", "Reviewers have asked questions. Answer them below; your answer starts a new review round.",
            "OBJECTION_WINDOW", "Enough reviewers approved. Members may still object until the objection window closes.",
            "AWAITING_DECISION", "The review is over; the list admin decides next.",
            "APPROVED", "Approved. Your requesters are subscribed on the effective date.",
            "REJECTED", "Rejected. The reason is below.",
            "DEFERRED", "Deferred. The list admin comes back to your request on the date below.",
            "WITHDRAWN", "Withdrawn by you. Your distro may file a new request.");

    private final FilingService filing;
    private final FilingValidator validator;
    private final CriteriaService criteria;
    private final RequestReader reader;
    private final RequestAccess access;
    private final ReviewService review;
    private final AuditLog audit;
    private final Catalogue catalogue;
    private final Clock clock;

    /** Said where a pasted or uploaded secret key was, instead of showing it again. */
    static final String SECRET_KEY_DISCARDED = "This was SECRET key material: it was discarded, not stored, and is not "
            + "shown again. Never send your secret key to anyone. Paste or upload only the public key: gpg --armor "
            + "--export <your fingerprint> (not --export-secret-keys). If this key protects anything, consider it "
            + "exposed and replace it.";
    /** Said where an uploaded key file was not text, instead of showing its bytes as text. */
    static final String NOT_ARMORED_UPLOAD = "The uploaded file is not an ASCII-armored key (it is binary), so it is "
            + "not shown here. Export the public key as text with: gpg --armor --export <your fingerprint>";

    private final EvidencePages.KeyTasks keyTasks;
    private final CertificateInspector keys;
    private final RequestWithdrawal withdrawal;

    PortalController(FilingService filing, FilingValidator validator, CriteriaService criteria, RequestReader reader,
                     RequestAccess access, ReviewService review, AuditLog audit, Catalogue catalogue, Clock clock,
                     EvidencePages.KeyTasks keyTasks, CertificateInspector keys, RequestWithdrawal withdrawal) {
        this.withdrawal = withdrawal;
        this.keyTasks = keyTasks;
        this.keys = keys;
        this.filing = filing;
        this.validator = validator;
        this.criteria = criteria;
        this.reader = reader;
        this.access = access;
        this.review = review;
        this.audit = audit;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @InitBinder("form")
    void binder(WebDataBinder binder) {
        // Rows grow as the applicant adds them; the cap keeps a forged index from allocating a huge list.
        binder.setAutoGrowCollectionLimit(600);
    }

    @GetMapping("/portal")
    String portal(Authentication user, Model model) {
        // An applicant files for one or a few distros; the first page is all of them.
        model.addAttribute("requests", reader.page(user, java.util.Set.of(), 0, 200).items().stream()
                .filter(r -> filedBy(r.id(), user)).toList());
        return "portal";
    }

    @GetMapping("/portal/new")
    String newRequest(Model model) {
        return form(FilingForm.blank(catalogue), new FormErrors(), model);
    }

    /**
     * One endpoint for the form's buttons: add a row, import a CSV, check before filing, or
     * file. Every path re-renders what was typed unless the request was filed.
     */
    @PostMapping("/portal/new")
    String submit(@ModelAttribute("form") FilingForm form, BindingResult binding,
                  @RequestParam(defaultValue = "file") String action,
                  Authentication user, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        // Every form field is text or a checkbox, so binding fails only on forged input; say so at the top.
        binding.getAllErrors().forEach(e -> errors.add("", "A field could not be read: " + e.getObjectName() + "."));
        readUploads(form, errors, model);
        dropSecretKeys(form, errors);
        form.normalise(catalogue);
        switch (action) {
            case "addRequester" -> form.getRequesters().add(new FilingForm.RequesterForm());
            case "addTrackRow" -> form.getEvidence().getTrackRecord().add(new FilingForm.TrackRowForm());
            case "addVoucher" -> form.getVouchers().add(new FilingForm.VoucherForm());
            case "check" -> check(form, user, errors, model);
            case "file" -> {
                if (errors.isEmpty()) {
                    String id = file(form, user, errors, model);
                    if (id != null) {
                        redirect.addFlashAttribute("filed", true);
                        return "redirect:/portal/requests/" + id;
                    }
                }
            }
            default -> { /* "import": the upload was read above */ }
        }
        return form(form, errors, model);
    }

    @GetMapping("/portal/requests/{id}")
    String request(@PathVariable String id, Authentication user, Model model) {
        return requestPage(id, user, model, null, null);
    }

    @PostMapping("/portal/requests/{id}/replies")
    String reply(@PathVariable String id, @RequestParam(name = "text", required = false) String text,
                 Authentication user, Model model, RedirectAttributes redirect) {
        access.owned(id, user);
        try {
            review.reply(id, user.getName(), text);
        } catch (InvalidInputException e) {
            return requestPage(id, user, model, text, e.problems().get(0).message());
        } catch (ConflictException e) {
            return requestPage(id, user, model, text, e.getMessage());
        }
        redirect.addFlashAttribute("replied", true);
        return "redirect:/portal/requests/" + id;
    }

    /** The applicant withdraws the request, as {@code POST /api/requests/{id}/withdrawal} does. */
    @PostMapping("/portal/requests/{id}/withdrawal")
    String withdraw(@PathVariable String id, @RequestParam(name = "reason", required = false) String reason,
                    Authentication user, Model model, RedirectAttributes redirect) {
        access.filedByCaller(id, user, "withdraw it");
        try {
            withdrawal.withdraw(id, user.getName(), reason);
        } catch (InvalidInputException e) {
            model.addAttribute("withdrawalReason", reason);
            model.addAttribute("withdrawalError", e.problems().get(0).message());
            return requestPage(id, user, model, null, null);
        } catch (ConflictException e) {
            model.addAttribute("withdrawalError", e.getMessage());
            return requestPage(id, user, model, null, null);
        }
        redirect.addFlashAttribute("withdrawn", true);
        return "redirect:/portal/requests/" + id;
    }

    private String requestPage(String id, Authentication user, Model model, String replyText, String replyError) {
        RequestView view = reader.read(id, user);
        List<AuditEvent> timeline = audit.eventsOf(id).stream().filter(AuditEvent::publicToApplicant).toList();
        model.addAttribute("request", view);
        model.addAttribute("statusText", STATUS_TEXT.getOrDefault(view.status(), view.status()));
        model.addAttribute("waiting", view.criteria().stream()
                .filter(c -> CheckOutcome.PENDING.name().equals(c.check().outcome())).toList());
        model.addAttribute("failing", view.criteria().stream()
                .filter(c -> CheckOutcome.FAIL.name().equals(c.check().outcome())).toList());
        model.addAttribute("timeline", timeline);
        model.addAttribute("keyTasks", keyTasks.of(id, user));
        model.addAttribute("replyText", replyText);
        model.addAttribute("replyError", replyError);
        // Only the applicant who filed it may withdraw it; a list admin reading the page sees no form.
        MembershipRequest request = access.owned(id, user);
        model.addAttribute("withdrawable", !request.getStatus().isDecided() && RequestAccess.isOwner(request, user));
        return "portal-request";
    }

    private String form(FilingForm form, FormErrors errors, Model model) {
        form.normalise(catalogue);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("criteria", catalogue.criteria());
        model.addAttribute("roleInfo", catalogue.roles().stream().collect(Collectors.toMap(Role::id, Function.identity())));
        model.addAttribute("policy", catalogue.currentPolicy());
        return "portal-form";
    }

    private void check(FilingForm form, Authentication user, FormErrors errors, Model model) {
        FilingForm.Conversion conversion = form.toFilingRequest();
        FormErrors found = conversion.errors(validator.validate(conversion.filing(), today()));
        found.all().forEach(e -> errors.add(e.field(), e.message()));
        if (!errors.isEmpty()) {
            model.addAttribute("checkBlocked", true);
            return;
        }
        MembershipRequest unsaved = FilingService.toRequest(conversion.filing(), user.getName(), clock.instant());
        Map<Integer, CheckResult> results = criteria.assess(unsaved, conversion.filing());
        model.addAttribute("assessment", results);
        model.addAttribute("forecast", Forecast.of(results));
    }

    private String file(FilingForm form, Authentication user, FormErrors errors, Model model) {
        FilingForm.Conversion conversion = form.toFilingRequest();
        if (!conversion.problems().isEmpty()) {
            // Unreadable dates: show them with the validator's other findings, before anything is stored.
            FormErrors found = conversion.errors(validator.validate(conversion.filing(), today()));
            found.all().forEach(e -> errors.add(e.field(), e.message()));
            return null;
        }
        try {
            return filing.file(conversion.filing(), user.getName()).getId();
        } catch (InvalidInputException e) {
            conversion.errors(e.problems()).all().forEach(p -> errors.add(p.field(), p.message()));
        } catch (ConflictException e) {
            if (e.problems().isEmpty()) {
                errors.add("", e.getMessage());
            }
            conversion.errors(e.problems()).all().forEach(p -> errors.add(p.field(), p.message()));
        }
        return null;
    }

    /**
     * Uploaded key files become the pasted key text, and an uploaded CSV becomes rows, so a re-render
     * keeps them. A binary key file is not turned into text: its bytes (perhaps a secret key exported
     * without --armor) would otherwise come back in the page.
     */
    private void readUploads(FilingForm form, FormErrors errors, Model model) {
        for (int i = 0; i < form.getRequesters().size(); i++) {
            FilingForm.RequesterForm r = form.getRequesters().get(i);
            if (r != null && r.getKeyFile() != null && !r.getKeyFile().isEmpty()) {
                String key = text(r.getKeyFile());
                if (binary(key)) {
                    r.setPublicKey(null);
                    errors.add("requesters[" + i + "].publicKey", NOT_ARMORED_UPLOAD);
                } else {
                    r.setPublicKey(key);
                }
            }
        }
        MultipartFile csv = form.getTrackRecordFile();
        if (csv == null || csv.isEmpty()) {
            return;
        }
        String name = csv.getOriginalFilename() == null ? "" : csv.getOriginalFilename().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json") || name.endsWith(".zip")) {
            errors.add("trackRecordFile", "only CSV files can be imported into this form; write the OSV entries as rows "
                    + "with the columns " + String.join(",", TrackRecordCsv.HEADER) + ".");
            return;
        }
        TrackRecordCsv.Result result = TrackRecordCsv.parse(text(csv));
        result.problems().forEach(p -> errors.add("trackRecordFile", p));
        if (result.problems().isEmpty()) {
            List<FilingForm.TrackRowForm> rows = new ArrayList<>(form.getEvidence().getTrackRecord().stream()
                    .filter(row -> row != null && !row.isBlank()).toList());
            rows.addAll(result.rows());
            form.getEvidence().setTrackRecord(rows);
            model.addAttribute("imported", result.rows().size());
        }
    }

    /**
     * A secret key pasted or uploaded where the public key belongs is dropped before anything else
     * happens, so that no re-render of the form (after a refusal, an added row, a check) puts it back
     * into the page, the browser's history or a proxy's cache. The field says why it is empty.
     */
    private void dropSecretKeys(FilingForm form, FormErrors errors) {
        for (int i = 0; i < form.getRequesters().size(); i++) {
            FilingForm.RequesterForm r = form.getRequesters().get(i);
            if (r != null && r.getPublicKey() != null && !r.getPublicKey().isBlank()
                    && keys.inspect(r.getPublicKey(), null, clock.instant()).has(KeyProblem.Code.SECRET_KEY)) {
                r.setPublicKey(null);
                errors.add("requesters[" + i + "].publicKey", SECRET_KEY_DISCARDED);
            }
        }
    }

    /** Text a person exported with --armor has no control characters other than line breaks and tabs. */
    private static boolean binary(String text) {
        return text.chars().anyMatch(c -> c == 0xFFFD || (c < 0x20 && c != '\n' && c != '\r' && c != '\t'));
    }

    private boolean filedBy(String requestId, Authentication user) {
        try {
            return RequestAccess.isOwner(access.owned(requestId, user), user);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    private static String text(MultipartFile file) {
        try {
            return new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the uploaded file", e);
        }
    }

    /** What the self-assessment means for the request if it were filed now. */
    record Forecast(int pass, int concern, int fail, int manual, int pending, List<Integer> failed, List<Integer> waiting,
                    String summary) {

        static Forecast of(Map<Integer, CheckResult> results) {
            int[] counts = new int[CheckOutcome.values().length];
            List<Integer> failed = new ArrayList<>();
            List<Integer> waiting = new ArrayList<>();
            results.forEach((n, r) -> {
                counts[r.outcome().ordinal()]++;
                if (r.outcome() == CheckOutcome.FAIL) {
                    failed.add(n);
                } else if (r.outcome() == CheckOutcome.PENDING) {
                    waiting.add(n);
                }
            });
            String summary;
            if (!failed.isEmpty()) {
                summary = "Not ready: criteria " + failed + " fail their checks. Filed like this, the request goes to the "
                        + "list admin for pre-screening instead of to the reviewers, and may be rejected at once.";
            } else if (!waiting.isEmpty()) {
                summary = "No check fails. Criteria " + waiting + " wait for something you do after filing (see their reasons); "
                        + "the request goes to the reviewers.";
            } else {
                summary = "No check fails: filed like this, the request goes straight to the reviewers.";
            }
            return new Forecast(counts[CheckOutcome.PASS.ordinal()], counts[CheckOutcome.CONCERN.ordinal()],
                    counts[CheckOutcome.FAIL.ordinal()], counts[CheckOutcome.MANUAL.ordinal()],
                    counts[CheckOutcome.PENDING.ordinal()], failed, waiting, summary);
        }
    }
}
