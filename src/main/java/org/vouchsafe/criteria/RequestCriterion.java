package org.vouchsafe.criteria;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;


/** The applicant's answer to one criterion and the latest automated check of it. */
@Entity
@Table(name = "request_criterion")
@IdClass(RequestCriterion.Key.class)
public class RequestCriterion {

    private static final String REASON_SEPARATOR = "\n";

    @Id
    @Column(name = "request_id")
    private String requestId;

    @Id
    private int number;

    @Column(nullable = false)
    private String answer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CheckOutcome outcome;

    /** Reasons joined by newlines: each reason is one sentence without line breaks. */
    @Column(nullable = false)
    private String reasons;

    @Column(name = "checked_at")
    private Instant checkedAt;

    /** A check re-run from stale data must not overwrite a newer result: the later writer retries. */
    @jakarta.persistence.Version
    private Long version;

    protected RequestCriterion() {
    }

    public RequestCriterion(String requestId, int number, String answer) {
        this.requestId = requestId;
        this.number = number;
        this.answer = answer;
        this.outcome = CheckOutcome.PENDING;
        this.reasons = "The automated check has not run yet.";
    }

    public void record(CheckResult result, Instant at) {
        this.outcome = result.outcome();
        this.reasons = String.join(REASON_SEPARATOR,
                result.reasons().stream().map(r -> r.replace('\n', ' ')).toList());
        this.checkedAt = at;
    }

    public CheckResult result() {
        return new CheckResult(outcome, reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(REASON_SEPARATOR)));
    }

    public String getRequestId() { return requestId; }
    public int getNumber() { return number; }
    public String getAnswer() { return answer; }
    public CheckOutcome getOutcome() { return outcome; }
    public Instant getCheckedAt() { return checkedAt; }

    /** Composite key: request and criterion number. */
    public static class Key implements Serializable {
        private String requestId;
        private int number;

        public Key() {
        }

        public Key(String requestId, int number) {
            this.requestId = requestId;
            this.number = number;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.number == number && Objects.equals(k.requestId, requestId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, number);
        }
    }
}
