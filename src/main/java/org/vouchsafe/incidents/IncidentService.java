package org.vouchsafe.incidents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.vouchsafe.audit.AuditAction;
import org.vouchsafe.audit.AuditLog;
import org.vouchsafe.problem.ConcurrentUpdateException;
import org.vouchsafe.problem.ConflictException;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.ForbiddenException;
import org.vouchsafe.problem.InvalidInputException;
import org.vouchsafe.problem.NotFoundException;

import org.vouchsafe.membership.DistroIds;

import static org.vouchsafe.incidents.IncidentRules.*;

/**
 * Leak incidents: reported here, then taken through the process model's tasks (Tasklist or the
 * REST twins), whose listeners call the {@code record…} methods. Those are the only way an
 * incident's status changes, and each writes its audit event in the same transaction.
 */
@Service
@EnableConfigurationProperties(IncidentProperties.class)
public class IncidentService {

    private final IncidentRepository incidents;
    private final IncidentWorkflow workflow;
    private final ObjectProvider<MemberDirectory> directory;
    private final IncidentProperties properties;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    private static final int ATTEMPTS = 5;

    IncidentService(IncidentRepository incidents, IncidentWorkflow workflow, ObjectProvider<MemberDirectory> directory,
                    IncidentProperties properties, AuditLog audit, ApplicationEventPublisher events, Clock clock,
                    PlatformTransactionManager transactionManager) {
        this.incidents = incidents;
        this.workflow = workflow;
        this.directory = directory;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A member reports a leak of their distro, or a list admin on a member distro's behalf. */
    @Transactional
    public Incident report(IncidentInput input, Caller caller) {
        if (input == null) {
            throw new InvalidInputException("list", "is required: send { \"list\", \"reference\", \"awareAt\", \"extent\" }.");
        }
        String distroId = reportingDistro(input.distroId(), caller);
        List<FieldProblem> problems = new ArrayList<>();
        String list = trim(input.list());
        if (list == null) {
            problems.add(new FieldProblem("list", "is required: the list you received the information from ("
                    + String.join(" or ", LISTS.stream().sorted().toList()) + ")."));
        } else if (!LISTS.contains(list)) {
            problems.add(new FieldProblem("list", "must be one of " + String.join(", ", LISTS.stream().sorted().toList()) + "."));
        }
        text(problems, "reference", input.reference(), MAX_REFERENCE, true, "the thread's subject or an id");
        text(problems, "extent", input.extent(), MAX_INITIAL_EXTENT, false, "who got what, if readily known");
        Instant now = clock.instant();
        Instant awareAt = instant(input.awareAt());
        if (input.awareAt() == null || input.awareAt().isBlank()) {
            problems.add(new FieldProblem("awareAt", "is required: when you became aware of the leak (ISO-8601, e.g. "
                    + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")."));
        } else if (awareAt == null) {
            problems.add(new FieldProblem("awareAt", "must be an ISO-8601 date and time such as 2026-12-01T10:00:00Z."));
        } else if (awareAt.isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(new FieldProblem("awareAt", "must not be in the future."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Incident incident = incidents.save(new Incident(list, distroId, input.reference().strip(), trim(input.extent()),
                awareAt, now, caller.username(), properties.reportWithin()));
        audit.record(caller.username(), AuditAction.INCIDENT_REPORTED, null, "Leak incident reported for distro "
                + distroId + " on " + list, details(incident, Map.of("awareAt", awareAt.toString())), false);
        workflow.start(incident.getId(), distroId);
        return incident;
    }

    /** The REST twin of the distro's notice task. */
    public Incident confirmNotice(String id, String notifiedAt, Caller caller) {
        return retrying(() -> {
            access(id, caller);
            workflow.confirmNotice(id, notifiedAt, caller.username());
            return find(id);
        });
    }

    /** The REST twin of the distro's final-report task. */
    public Incident submitReport(String id, String extent, String measures, Caller caller) {
        return retrying(() -> {
            access(id, caller);
            workflow.submitReport(id, extent, measures, caller.username());
            return find(id);
        });
    }

    /**
     * Runs a step of the process in its own transaction, again when the engine met a concurrent
     * change of the same instance: the admins' mail goes out in a job on a parallel branch, and a
     * member who confirms notice at once can meet it (as two votes meet in {@code ReviewService}).
     */
    private Incident retrying(java.util.function.Supplier<Incident> step) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(tx -> step.get());
            } catch (ConcurrentUpdateException e) {
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("The incident was being changed at the same moment; please send it again.");
                }
            }
        }
    }

    /**
     * A list admin judges the final report. Escalating needs no report: while none is waiting to be
     * judged, the escalation is recorded here and ends the incident's process wherever it waits.
     */
    public Incident close(String id, String outcome, String note, Caller caller) {
        return retrying(() -> closeOnce(id, outcome, note, caller));
    }

    private Incident closeOnce(String id, String outcome, String note, Caller caller) {
        if (!caller.admin()) {
            throw new ForbiddenException("Only list admins close incidents.");
        }
        Incident incident = find(id);
        ClosureOutcome decided = outcome(outcome, note);
        if (workflow.reviewPending(id)) {
            workflow.judgeReport(id, decided, note, caller.username());
        } else if (decided == ClosureOutcome.ESCALATED) {
            recordEscalation(incident, note, caller.username());
            workflow.escalated(id);
        } else {
            throw new ConflictException("No final report waits to be judged (status "
                    + incident.getStatus() + "); only ESCALATED is possible now.");
        }
        return find(id);
    }

    // ---- recorders: called by the process model's listeners and delegates ----

    /** The distro told the reporter and the list at {@code notifiedAt}; the clock from awareness is kept and flagged when late. */
    @Transactional
    public void recordNotice(String id, Object notifiedAt, String actor) {
        Incident incident = find(id);
        Instant at = instant(notifiedAt);
        Instant now = clock.instant();
        if (at == null) {
            throw new InvalidInputException("notifiedAt", "is required: when you told the reporter and the list "
                    + "(ISO-8601, e.g. " + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ").");
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInputException("notifiedAt", "must not be in the future.");
        }
        if (at.isBefore(incident.getAwareAt())) {
            throw new InvalidInputException("notifiedAt", "must not be before you became aware of the leak ("
                    + incident.getAwareAt() + ").");
        }
        incident.noticeConfirmed(at, actor, properties.notifyWithin());
        Duration clockRan = incident.noticeClock();
        audit.record(actor, AuditAction.INCIDENT_NOTICE_CONFIRMED, null, "Reporter and list told of incident "
                + id + " after " + IncidentView.human(clockRan) + (incident.getNoticeLate() ? " (late)" : ""),
                details(incident, Map.of("notifiedAt", at.toString(), "noticeClock", clockRan.toString(),
                        "late", String.valueOf(incident.getNoticeLate()))), false);
    }

    /** The final report: the exact extent and the measures taken or intended. */
    @Transactional
    public void recordReport(String id, String extent, String measures, String actor) {
        Incident incident = find(id);
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, "extent", extent, MAX_REPORT_TEXT, true, "the exact extent of the leak, to the best of your knowledge");
        text(problems, "measures", measures, MAX_REPORT_TEXT, true, "the measures taken or intended to prevent such leaks");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        incident.reportSubmitted(extent.strip(), measures.strip(), clock.instant(), actor);
        audit.record(actor, AuditAction.INCIDENT_REPORT_SUBMITTED, null, "Final report on incident " + id
                + " submitted (report " + incident.getReportsSubmitted() + ")",
                details(incident, Map.of("report", String.valueOf(incident.getReportsSubmitted()))), false);
    }

    /** The report deadline passed without a report (the process's timer). */
    @Transactional
    public void recordOverdue(String id) {
        Incident incident = find(id);
        incident.reportOverdue(clock.instant());
        audit.record("system", AuditAction.INCIDENT_REPORT_OVERDUE, null, "Final report on incident " + id
                + " overdue since " + incident.getReportDueAt(), details(incident, Map.of()), false);
    }

    /** The admin's judgement of a final report, from their task (Tasklist or REST). */
    @Transactional
    public ClosureOutcome recordJudgement(String id, Object outcome, Object note, String actor) {
        Incident incident = find(id);
        String text = note == null ? null : trim(note.toString());
        ClosureOutcome decided = outcome(outcome == null ? null : outcome.toString(), text);
        Instant now = clock.instant();
        switch (decided) {
            case ACCEPTED -> incident.accepted(now, actor, text);
            case MORE_ASKED -> incident.moreAsked(now, actor, text, properties.reportWithin());
            case ESCALATED -> {
                recordEscalation(incident, text, actor);
                return decided;
            }
        }
        audit.record(actor, AuditAction.INCIDENT_REPORT_JUDGED, null, "Final report on incident " + id + ": " + decided,
                details(incident, note(Map.of("outcome", decided.name()), text)), false);
        return decided;
    }

    /** The admin's answer to an overdue report: keep waiting, or escalate. */
    @Transactional
    public boolean recordOverdueAction(String id, Object action, Object note, String actor) {
        Incident incident = find(id);
        String text = note == null ? null : trim(note.toString());
        String chosen = action == null ? "" : action.toString().strip();
        if (text != null && text.length() > MAX_NOTE) {
            throw new InvalidInputException("overdueNote", "is longer than " + MAX_NOTE + " characters.");
        }
        if ("ESCALATE".equals(chosen)) {
            if (text == null) {
                throw new InvalidInputException("overdueNote", "is required when escalating: the distro reads why.");
            }
            recordEscalation(incident, text, actor);
            return true;
        }
        if (!"WAIT".equals(chosen)) {
            throw new InvalidInputException("overdueAction", "choose WAIT or ESCALATE.");
        }
        audit.record(actor, AuditAction.INCIDENT_REPORT_JUDGED, null, "Overdue report on incident " + id
                + ": the admin keeps waiting", details(incident, note(Map.of("outcome", "WAIT"), text)), false);
        return false;
    }

    private void recordEscalation(Incident incident, String note, String actor) {
        incident.escalated(clock.instant(), actor, note);
        audit.record(actor, AuditAction.INCIDENT_REPORT_JUDGED, null, "Incident " + incident.getId() + " escalated",
                details(incident, note(Map.of("outcome", ClosureOutcome.ESCALATED.name()), note)), false);
        events.publishEvent(new IncidentEscalated(incident.getId(), incident.getDistroId(), note));
    }

    // ---- reads ----

    /** List admins: every incident; members: their distro's. Newest first. */
    @Transactional(readOnly = true)
    public List<Incident> list(Caller caller) {
        if (caller.admin()) {
            return incidents.findAllByOrderByReportedAtDesc();
        }
        return memberDistro(caller).map(incidents::findByDistroIdOrderByReportedAtDesc)
                .orElseThrow(() -> new ForbiddenException("You are not a member of a distro on the list."));
    }

    /** One incident, for list admins and members of its distro; to anyone else it does not exist. */
    @Transactional(readOnly = true)
    public Incident get(String id, Caller caller) {
        return access(id, caller);
    }

    /** A member distro's incidents, newest first: its page's history (the caller's access is the page's to check). */
    @Transactional(readOnly = true)
    public List<IncidentView> ofDistro(String distroId) {
        Instant now = clock.instant();
        return incidents.findByDistroIdOrderByReportedAtDesc(distroId).stream().map(i -> IncidentView.of(i, now, properties))
                .toList();
    }

    /** Open incidents, oldest first (the admin dashboard). */
    @Transactional(readOnly = true)
    public List<IncidentView> open() {
        Instant now = clock.instant();
        return incidents.findByStatusInOrderByReportedAtAsc(List.of(IncidentStatus.AWAITING_NOTICE,
                IncidentStatus.INVESTIGATING, IncidentStatus.REPORT_SUBMITTED)).stream()
                .map(i -> IncidentView.of(i, now, properties)).toList();
    }

    /** The incident as the API shows it, clocks as of now. */
    public IncidentView view(Incident incident) {
        return IncidentView.of(incident, clock.instant(), properties);
    }

    /** For the process's timers and mails: the incident, whoever asks (the engine). */
    @Transactional(readOnly = true)
    public Incident find(String id) {
        return incidents.findById(id).orElseThrow(() -> new NotFoundException("No incident " + id + "."));
    }

    private Incident access(String id, Caller caller) {
        Optional<Incident> incident = incidents.findById(id);
        if (caller.admin() && incident.isPresent()) {
            return incident.get();
        }
        Optional<String> own = caller.member() ? memberDistro(caller) : Optional.empty();
        if (!caller.admin() && own.isEmpty()) {
            throw new ForbiddenException("Only list admins and members of the reporting distro see incidents.");
        }
        // A foreign incident answers like an unknown one, so ids cannot be probed.
        return incident.filter(i -> caller.admin() || own.get().equals(i.getDistroId()))
                .orElseThrow(() -> new NotFoundException("No incident " + id + "."));
    }

    private String reportingDistro(String given, Caller caller) {
        if (caller.admin()) {
            // An admin may give the id or the distro's name; both become the id.
            String slug = DistroIds.of(given);
            if (slug == null || slug.isEmpty()) {
                throw new InvalidInputException("distroId", "is required when a list admin reports: the member distro "
                        + "you report for (its id, e.g. example-linux).");
            }
            return slug;
        }
        String own = memberDistro(caller)
                .orElseThrow(() -> new ForbiddenException("Only members of a distro on the list (and list admins) report incidents."));
        if (given != null && !given.isBlank() && !own.equals(DistroIds.of(given))) {
            throw new ForbiddenException("You report for your own distro (" + own + "); leave distroId out.");
        }
        return own;
    }

    private Optional<String> memberDistro(Caller caller) {
        if (!caller.member()) {
            return Optional.empty();
        }
        return directory.getIfAvailable(() -> MemberDirectory.NOBODY).distroIdOf(caller.username());
    }

    private static ClosureOutcome outcome(String outcome, String note) {
        ClosureOutcome decided;
        try {
            decided = ClosureOutcome.valueOf(outcome == null ? "" : outcome.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("outcome", "must be ACCEPTED, MORE_ASKED or ESCALATED.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (decided != ClosureOutcome.ACCEPTED && (note == null || note.isBlank())) {
            problems.add(new FieldProblem("note", "is required for " + decided
                    + ": the distro must learn what is missing or why it is escalated."));
        }
        text(problems, "note", note, MAX_NOTE, false, "the admin's note");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return decided;
    }

    private static Map<String, String> details(Incident incident, Map<String, String> more) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("incident", incident.getId());
        details.put("distroId", incident.getDistroId());
        details.put("list", incident.getList());
        details.putAll(more);
        return details;
    }

    private static Map<String, String> note(Map<String, String> details, String note) {
        Map<String, String> all = new LinkedHashMap<>(details);
        if (note != null) {
            all.put("note", note);
        }
        return all;
    }
}
