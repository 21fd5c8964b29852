package org.vouchsafe.vouching;

/** A vouch the rules of criterion 9 refuse; the message says why and what to do. */
public class VouchRefusedException extends RuntimeException {

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
}
