package org.vouchsafe.web;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.vouchsafe.intake.RequestStatus;
import org.vouchsafe.membership.DecisionOutcome;

/**
 * The list admin's dashboard as numbers: requests by stage with their age and overdue flags,
 * reviewer participation, decisions per month and the median time from filing to decision.
 * Pure: built from plain facts, so every rule here is unit-tested without a database.
 *
 * <p>Rules (documented in docs/pages.md): age counts from filing. A request before the
 * decision stage (submitted, in review, needing information, in its objection window) is
 * overdue once older than the review target; any open request not deferred is overdue once older
 * than the decision target. A deferred request waits for the date the admin set, so it is
 * never overdue here. A pending vote is a reviewer without conflict of interest who has not
 * voted in the current round of a request in review; it is overdue when the request is
 * overdue against the review target. Filing-to-decision time takes each request's first
 * final decision (approved or rejected).
 */
record Dashboard(List<Stage> funnel, List<ReviewerRow> participation, List<MonthRow> decisionsByMonth,
                 Optional<Duration> medianToDecision, int decidedCount) {

    /** The stages in process order: the funnel's rows. */
    static final List<RequestStatus> STAGES = List.of(RequestStatus.SUBMITTED, RequestStatus.IN_REVIEW,
            RequestStatus.NEEDS_INFO, RequestStatus.OBJECTION_WINDOW, RequestStatus.AWAITING_DECISION,
            RequestStatus.DEFERRED, RequestStatus.APPROVED, RequestStatus.REJECTED, RequestStatus.WITHDRAWN);

    private static final Set<RequestStatus> BEFORE_DECISION = EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.IN_REVIEW,
            RequestStatus.NEEDS_INFO, RequestStatus.OBJECTION_WINDOW);

    /** A request as the dashboard needs it. */
    record RequestFact(String id, String distro, RequestStatus status, Instant filedAt, int round,
                       String cockpitUrl, List<String> eligibleReviewers) {
    }

    /** A vote: who, on what, in which round. */
    record VoteFact(String requestId, int round, String reviewer) {
    }

    /** A decision as recorded. */
    record DecisionFact(String requestId, DecisionOutcome outcome, Instant decidedAt) {
    }

    /** One row of the funnel and the requests in it (closed stages list none, only count). */
    record Stage(RequestStatus status, int count, List<OpenRequest> requests) {
        public boolean open() {
            return !status.isClosed();
        }
    }

    /** An open request in its stage. */
    record OpenRequest(String id, String distro, RequestStatus status, Duration age, List<String> overdue,
                       String cockpitUrl) {
        public boolean isOverdue() {
            return !overdue.isEmpty();
        }

        public long ageDays() {
            return age.toDays();
        }
    }

    /** A reviewer's votes cast (all rounds), votes pending now, and pending ones that are overdue. */
    record ReviewerRow(String reviewer, int cast, int pending, int overdue) {
    }

    /** Decisions recorded in one month, by outcome. */
    record MonthRow(YearMonth month, int approved, int rejected, int deferred) {
        public int total() {
            return approved + rejected + deferred;
        }
    }

    static Dashboard of(List<RequestFact> requests, List<VoteFact> votes, List<DecisionFact> decisions,
                        Instant now, TargetsProperties targets) {
        return new Dashboard(funnel(requests, now, targets), participation(requests, votes, now, targets),
                decisionsByMonth(decisions), median(requests, decisions), decidedCount(decisions));
    }

    static List<Stage> funnel(List<RequestFact> requests, Instant now, TargetsProperties targets) {
        List<Stage> stages = new ArrayList<>();
        for (RequestStatus status : STAGES) {
            List<RequestFact> inStage = requests.stream().filter(r -> r.status() == status).toList();
            List<OpenRequest> listed = status.isClosed() ? List.of() : inStage.stream()
                    .sorted(Comparator.comparing(RequestFact::filedAt))
                    .map(r -> new OpenRequest(r.id(), r.distro(), r.status(), age(r, now), overdue(r, now, targets),
                            r.cockpitUrl()))
                    .toList();
            stages.add(new Stage(status, inStage.size(), listed));
        }
        return stages;
    }

    /** The targets an open request has exceeded, as sentences; empty when it is on time. */
    static List<String> overdue(RequestFact request, Instant now, TargetsProperties targets) {
        List<String> exceeded = new ArrayList<>();
        if (request.status().isClosed() || request.status() == RequestStatus.DEFERRED) {
            return exceeded;
        }
        Duration age = age(request, now);
        if (BEFORE_DECISION.contains(request.status()) && age.compareTo(targets.review()) > 0) {
            exceeded.add("review target of " + days(targets.review()) + " exceeded");
        }
        if (age.compareTo(targets.decision()) > 0) {
            exceeded.add("decision target of " + days(targets.decision()) + " exceeded");
        }
        return exceeded;
    }

    static List<ReviewerRow> participation(List<RequestFact> requests, List<VoteFact> votes, Instant now,
                                           TargetsProperties targets) {
        Map<String, int[]> rows = new TreeMap<>();
        for (VoteFact vote : votes) {
            rows.computeIfAbsent(vote.reviewer(), r -> new int[3])[0]++;
        }
        for (RequestFact request : requests) {
            if (request.status() != RequestStatus.IN_REVIEW) {
                continue;
            }
            Set<String> voted = new TreeSet<>();
            votes.stream().filter(v -> v.requestId().equals(request.id()) && v.round() == request.round())
                    .forEach(v -> voted.add(v.reviewer()));
            boolean late = BEFORE_DECISION.contains(request.status()) && age(request, now).compareTo(targets.review()) > 0;
            for (String reviewer : request.eligibleReviewers()) {
                int[] row = rows.computeIfAbsent(reviewer, r -> new int[3]);
                if (!voted.contains(reviewer)) {
                    row[1]++;
                    if (late) {
                        row[2]++;
                    }
                }
            }
        }
        return rows.entrySet().stream().map(e -> new ReviewerRow(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }

    static List<MonthRow> decisionsByMonth(List<DecisionFact> decisions) {
        Map<YearMonth, int[]> months = new TreeMap<>();
        for (DecisionFact d : decisions) {
            int[] counts = months.computeIfAbsent(YearMonth.from(d.decidedAt().atZone(ZoneOffset.UTC)), m -> new int[3]);
            counts[d.outcome().ordinal()]++;
        }
        List<MonthRow> rows = new ArrayList<>();
        months.forEach((month, c) -> rows.add(new MonthRow(month, c[DecisionOutcome.APPROVED.ordinal()],
                c[DecisionOutcome.REJECTED.ordinal()], c[DecisionOutcome.DEFERRED.ordinal()])));
        return rows;
    }

    /** Median over requests of filing to their first approval or rejection. */
    static Optional<Duration> median(List<RequestFact> requests, List<DecisionFact> decisions) {
        Map<String, Instant> firstFinal = new LinkedHashMap<>();
        decisions.stream()
                .filter(d -> d.outcome() != DecisionOutcome.DEFERRED)
                .sorted(Comparator.comparing(DecisionFact::decidedAt))
                .forEach(d -> firstFinal.putIfAbsent(d.requestId(), d.decidedAt()));
        List<Duration> spans = requests.stream()
                .filter(r -> firstFinal.containsKey(r.id()))
                .map(r -> Duration.between(r.filedAt(), firstFinal.get(r.id())))
                .sorted()
                .toList();
        if (spans.isEmpty()) {
            return Optional.empty();
        }
        int mid = spans.size() / 2;
        return Optional.of(spans.size() % 2 == 1 ? spans.get(mid) : spans.get(mid - 1).plus(spans.get(mid)).dividedBy(2));
    }

    private static int decidedCount(List<DecisionFact> decisions) {
        return (int) decisions.stream().filter(d -> d.outcome() != DecisionOutcome.DEFERRED)
                .map(DecisionFact::requestId).distinct().count();
    }

    private static Duration age(RequestFact request, Instant now) {
        Duration age = Duration.between(request.filedAt(), now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** "14 days", or the ISO form for targets that are not whole days (tests use minutes). */
    static String days(Duration d) {
        if (d.toHours() % 24 == 0 && d.toDays() > 0) {
            return d.toDays() == 1 ? "1 day" : d.toDays() + " days";
        }
        return d.toString();
    }

    /** A duration as people read it: "3 days 4 h", "5 h 10 min", "42 min". */
    static String human(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + (d.toDays() == 1 ? " day " : " days ") + d.toHoursPart() + " h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toMinutes() + " min";
    }
}
