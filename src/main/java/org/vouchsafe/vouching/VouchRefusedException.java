package org.vouchsafe.vouching;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.vouchsafe.problem.DomainException;
import org.vouchsafe.problem.FieldProblem;

/** A vouch the rules of criterion 9 refuse; the message says why and what to do. */
public class VouchRefusedException extends DomainException {

    private final VouchRefusal reason;
    private final String field;

    public VouchRefusedException(VouchRefusal reason, String field, String message) {
        super(reason.name() + ": " + message);
        this.reason = reason;
        this.field = field;
    }

    public VouchRefusal reason() {
        return reason;
    }

    /** The payload field at fault. */
    public String field() {
        return field;
    }

    /** The sentence for people, without the reason code. */
    public String sentence() {
        return getMessage().substring(reason.name().length() + 2);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.valueOf(reason.status());
    }

    @Override
    public String title() {
        return "Vouch refused";
    }

    @Override
    public String detail() {
        return sentence();
    }

    /** The refusal's stable reason code, for programs, beside the field-level errors. */
    @Override
    public Map<String, Object> properties() {
        return Map.of("reason", reason.name());
    }

    @Override
    public List<FieldProblem> problems() {
        return List.of(new FieldProblem(field, sentence()));
    }
}
