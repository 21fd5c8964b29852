package org.vouchsafe.accountability;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.membership.Departures;
import org.vouchsafe.membership.RosterService;
import org.vouchsafe.problem.ConflictException;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.ForbiddenException;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.NotFoundException;

/**
 * Accountability requests: raised here (which starts their process), answered and closed through
 * the process's tasks (Tasklist or the REST twins here, which complete those tasks), with one
 * method per step that the process calls and that alone changes the item's status. The texts are
 * references, not content: the lengths keep embargoed details out.
 */
@Service
public class AccountabilityService {

    static final int MAX_WHAT = 500;
    static final int MAX_REFERENCE = 500;
    static final int MAX_TEXT = 2000;
    private static final String SYSTEM = "vouchsafe";

    private final AccountabilityRepository items;
    private final RosterService roster;
    private final Departures departures;
    private final Catalogue catalogue;
    private final AccountabilityWorkflow workflow;
    private final AccountabilityProperties properties;
    private final Clock clock;
    private final AuditLog audit;

    public AccountabilityService(AccountabilityRepository items, RosterService roster, Departures departures,
                                 Catalogue catalogue, AccountabilityWorkflow workflow, AccountabilityProperties properties,
                                 Clock clock, AuditLog audit) {
        this.items = items;
        this.roster = roster;
        this.departures = departures;
        this.catalogue = catalogue;
        this.workflow = workflow;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
    }

    /** A list admin (or a member, when the setting allows) asks a distro to account for a role it holds. */
    @Transactional
    public AccountabilityItem raise(String distroId, RaiseInput input, Caller caller) {
        if (!caller.admin() && !(properties.membersMayRaise() && caller.member())) {
            throw new ForbiddenException("Only list admins raise accountability requests"
                    + (properties.membersMayRaise() ? " and members" : "") + ".");
        }
        String distro = roster.distroName(distroId)
                .orElseThrow(() -> new NotFoundException("No member distro " + distroId + "."));
        List<FieldProblem> problems = new ArrayList<>();
        String role = input == null || input.role() == null ? "" : input.role().trim().toUpperCase(Locale.ROOT);
        if (role.isEmpty()) {
            problems.add(new FieldProblem("role", "is required: the catalogue id of a role the distro holds, e.g. A1."));
        } else if (catalogue.role(role).isEmpty()) {
            problems.add(new FieldProblem("role", "is not a catalogue role; use T1-T5 or A1-A13 (GET /api/catalogue/roles)."));
        }
        String what = text(input == null ? null : input.what(), "what", MAX_WHAT, true, problems);
        String reference = reference(input == null ? null : input.reference(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Set<String> held = roster.rolesHeld(distroId);
        if (!held.contains(role)) {
            throw new ConflictException(distro + " does not hold role " + role + (held.isEmpty() ? "; it holds none now."
                    : "; it holds " + String.join(", ", held) + "."), List.of(new FieldProblem("role", "is not held by " + distro + ".")));
        }
        Instant now = clock.instant();
        AccountabilityItem item = items.save(new AccountabilityItem(distroId, distro, role, what, reference,
                caller.username(), now, now.plus(properties.answerWithin())));
        Map<String, String> details = details(item);
        details.put("what", what);
        if (reference != null) {
            details.put("reference", reference);
        }
        details.put("answerDue", item.getAnswerDue().toString());
        audit.record(caller.username(), AuditAction.ACCOUNTABILITY_RAISED, null, "Asked " + distro
                + " to account for role " + role, details, false);
        workflow.start(item.getId(), distroId);
        return item;
    }

    /** The item, for list admins and the people of its distro. */
    @Transactional(readOnly = true)
    public AccountabilityItem item(String id, Caller caller) {
        AccountabilityItem item = find(id);
        if (!caller.admin() && !caller.of(item.getDistroId())) {
            throw new ForbiddenException("Only list admins and the people of " + item.getDistro() + " see this item.");
        }
        return item;
    }

    /** The distro's people answer (the REST twin of their task). */
    @Transactional
    public AccountabilityItem answer(String id, AnswerInput input, Caller caller) {
        AccountabilityItem item = find(id);
        if (!caller.of(item.getDistroId())) {
            throw new ForbiddenException("Only the people of " + item.getDistro() + " answer for it.");
        }
        if (item.getStatus() != AccountabilityStatus.OPEN) {
            throw new ConflictException("This item is " + item.getStatus() + "; it no longer waits for an answer.");
        }
        validateAnswer(input);
        String task = workflow.answerTask(id).orElseThrow(() -> new ConflictException(
                "This item does not wait for an answer now."));
        workflow.completeAnswer(task, input.explanation(), input.correction(), caller.username());
        return find(id);
    }

    /** A list admin closes an answered or escalated item (the REST twin of their task). */
    @Transactional
    public AccountabilityItem close(String id, ClosureInput input, Caller caller) {
        AccountabilityItem item = find(id);
        if (!caller.admin()) {
            throw new ForbiddenException("Only list admins close accountability requests.");
        }
        if (item.getStatus() == AccountabilityStatus.OPEN) {
            throw new ConflictException("The distro has until " + item.getAnswerDue() + " to answer; the item closes "
                    + "after its answer, or after it was escalated to you.");
        }
        if (item.getStatus() == AccountabilityStatus.CLOSED) {
            throw new ConflictException("This item is closed already (" + item.getOutcome() + ").");
        }
        ClosingOutcome outcome = validateClosure(input == null ? null : input.outcome(), input == null ? null : input.note());
        String task = workflow.closeTask(id).orElseThrow(() -> new ConflictException("This item does not wait to be closed now."));
        workflow.completeClosure(task, outcome, input.note(), caller.username());
        return find(id);
    }

    /** The answer task completed (Tasklist or REST): the answer is recorded. */
    @Transactional
    public void recordAnswer(String id, String explanation, String correction, String actor) {
        validateAnswer(new AnswerInput(explanation, correction));
        AccountabilityItem item = find(id);
        if (item.getStatus() != AccountabilityStatus.OPEN) {
            throw new ConflictException("This item is " + item.getStatus() + "; it no longer waits for an answer.");
        }
        item.answer(explanation.trim(), correction.trim(), actor, clock.instant());
        Map<String, String> details = details(item);
        details.put("explanation", item.getExplanation());
        details.put("correction", item.getCorrection());
        audit.record(actor, AuditAction.ACCOUNTABILITY_ANSWERED, null, item.getDistro() + " answered for role "
                + item.getRoleId(), details, false);
    }

    /** The closing task completed (Tasklist or REST): the outcome is recorded and, for a withdrawn role, applied. */
    @Transactional
    public ClosingOutcome recordClosure(String id, String outcome, String note, String actor) {
        ClosingOutcome closing = validateClosure(outcome, note);
        AccountabilityItem item = find(id);
        if (item.getStatus() == AccountabilityStatus.OPEN || item.getStatus() == AccountabilityStatus.CLOSED) {
            throw new ConflictException("This item is " + item.getStatus() + "; it does not wait to be closed.");
        }
        String trimmedNote = note == null || note.isBlank() ? null : note.trim();
        item.close(closing, trimmedNote, actor, clock.instant());
        Map<String, String> details = details(item);
        details.put("outcome", closing.name());
        if (trimmedNote != null) {
            details.put("note", trimmedNote);
        }
        audit.record(actor, AuditAction.ACCOUNTABILITY_CLOSED, null, "Closed the accountability request to "
                + item.getDistro() + " for role " + item.getRoleId() + ": " + closing, details, false);
        if (closing == ClosingOutcome.ROLE_WITHDRAWN) {
            departures.withdrawRole(item.getDistroId(), item.getRoleId(), actor, trimmedNote);
        }
        return closing;
    }

    /** The reminder timer fired: noted, so that the item shows when its people were reminded. */
    @Transactional
    public void reminded(String id) {
        AccountabilityItem item = find(id);
        item.remind(clock.instant());
        audit.record(SYSTEM, AuditAction.ACCOUNTABILITY_REMINDED, null, "Reminded " + item.getDistro()
                + " of the accountability request for role " + item.getRoleId(), details(item), false);
    }

    /** No answer in time: the item goes to the list admins. */
    @Transactional
    public void escalate(String id) {
        AccountabilityItem item = find(id);
        if (item.getStatus() != AccountabilityStatus.OPEN) {
            return;
        }
        item.escalate(clock.instant());
        audit.record(SYSTEM, AuditAction.ACCOUNTABILITY_ESCALATED, null, item.getDistro() + " did not answer for role "
                + item.getRoleId() + " by " + item.getAnswerDue() + "; handed to the list admins", details(item), false);
    }

    @Transactional(readOnly = true)
    public AccountabilityItem find(String id) {
        return items.findById(id).orElseThrow(() -> new NotFoundException("No accountability request " + id + "."));
    }

    /** Items still to be acted on, counted per role (the admin dashboard's coverage). */
    @Transactional(readOnly = true)
    public Map<String, Long> openByRole() {
        Map<String, Long> open = new TreeMap<>();
        items.findByStatusInOrderByRaisedAt(EnumSet.of(AccountabilityStatus.OPEN, AccountabilityStatus.ANSWERED,
                AccountabilityStatus.ESCALATED)).forEach(i -> open.merge(i.getRoleId(), 1L, Long::sum));
        return open;
    }

    @Transactional(readOnly = true)
    public List<AccountabilityItem> ofDistro(String distroId) {
        return items.findByDistroIdOrderByRaisedAt(distroId);
    }

    private static void validateAnswer(AnswerInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        text(input == null ? null : input.explanation(), "explanation", MAX_TEXT, true, problems);
        text(input == null ? null : input.correction(), "correction", MAX_TEXT, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static ClosingOutcome validateClosure(String outcome, String note) {
        List<FieldProblem> problems = new ArrayList<>();
        ClosingOutcome closing = null;
        try {
            closing = outcome == null ? null : ClosingOutcome.valueOf(outcome.trim());
        } catch (IllegalArgumentException e) {
            closing = null;
        }
        if (closing == null) {
            problems.add(new FieldProblem("outcome", "must be EXPLAINED, CORRECTED, ROLE_WITHDRAWN or REMOVAL_PROPOSED."));
        }
        boolean noteRequired = closing == ClosingOutcome.ROLE_WITHDRAWN || closing == ClosingOutcome.REMOVAL_PROPOSED;
        text(note, "note", MAX_TEXT, noteRequired, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return closing;
    }

    private static String text(String value, String field, int max, boolean required, List<FieldProblem> problems) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required."));
            }
            return null;
        }
        if (trimmed.length() > max) {
            problems.add(new FieldProblem(field, "is at most " + max + " characters: refer to what happened (a link, a "
                    + "thread id), do not copy embargoed content here."));
        }
        return trimmed;
    }

    private static String reference(String value, List<FieldProblem> problems) {
        String trimmed = text(value, "reference", MAX_REFERENCE, false, problems);
        if (trimmed != null && (trimmed.contains("\n") || trimmed.contains("\r"))) {
            problems.add(new FieldProblem("reference", "is one line: a link or a list thread id."));
        }
        return trimmed;
    }

    private static Map<String, String> details(AccountabilityItem item) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("item", item.getId());
        details.put("distro", item.getDistro());
        details.put("role", item.getRoleId());
        return details;
    }

    /** Body of {@code POST /api/members/{distroId}/accountability}. */
    public record RaiseInput(String role, String what, String reference) {
    }

    /** Body of {@code POST /api/accountability/{id}/answer}. */
    public record AnswerInput(String explanation, String correction) {
    }

    /** Body of {@code POST /api/accountability/{id}/closure}. */
    public record ClosureInput(String outcome, String note) {
    }
}
