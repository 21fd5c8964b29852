package org.vouchsafe.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/requests/{id}} as in the public API contract. */
public record RequestView(
        String id,
        String list,
        DistroView distro,
        String status,
        Instant filedAt,
        List<CriterionView> criteria,
        VotesView votes,
        DecisionView decision,
        int round,
        List<String> questions,
        List<RoleView> roles,
        List<SignalView> signals) {

    /**
     * A contribution the distro offers (criterion 7): a catalogue role with the catalogue's title, or
     * {@code OTHER} with the distro's own title.
     */
    public record RoleView(String role, String title, String specifics) {
    }

    /**
     * Something reviewers should see about the request as a whole (e.g. {@code ONE_DISTRO}: it seems to
     * speak for more than one distro or for an organisation), at level {@code CONCERN}, with its reasons.
     */
    public record SignalView(String signal, String level, List<String> reasons) {
    }

    /** The distro, briefly. */
    public record DistroView(String name, String homepage, String organization, String upstream) {
    }

    /** One criterion: the applicant's answer and the latest check. */
    public record CriterionView(int number, String title, String answer, CheckView check) {
    }

    /** A check's outcome with reasons a person can act on. */
    public record CheckView(String outcome, List<String> reasons) {
    }

    /** Votes of the current round. */
    public record VotesView(int approve, int object, int needsInfo) {
    }

    /**
     * The latest decision, or null. {@code notSubscribed} names the requesters an approval left off
     * the roster, each with the personal criteria (6, 8, 9) they had not proved; {@code exceptions}
     * are the criteria the admin let a person in without, each with the reason.
     */
    public record DecisionView(String outcome, String reason, LocalDate effectiveDate, List<String> notSubscribed,
                               List<ExceptionView> exceptions) {

        public DecisionView(String outcome, String reason, LocalDate effectiveDate) {
            this(outcome, reason, effectiveDate, List.of(), List.of());
        }
    }

    /** The admin's exception: {@code email} subscribed without having proved {@code criterion}, because {@code reason}. */
    public record ExceptionView(String email, int criterion, String reason) {
    }
}
