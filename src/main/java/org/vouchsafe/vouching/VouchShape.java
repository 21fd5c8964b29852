package org.vouchsafe.vouching;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.InvalidInputException;

/**
 * What the body of a vouch alone decides, before anything is looked up: required fields, formats
 * and lengths, and that nobody vouches for themselves. Nothing here reads stored data, so the
 * answer is the same whether the request exists or not.
 */
final class VouchShape {

    static final int MAX_EVIDENCE = 10;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private VouchShape() {
    }

    /** Required fields, formats and lengths, and that nobody vouches for themselves. */
    static void check(VouchInput input) {
        validate(input);
        if (VouchStatements.normalise(input.voucher().email()).equals(VouchStatements.normalise(input.requester()))) {
            throw selfVouch("requester");
        }
    }

    static void requireEmail(String field, String value) {
        if (value == null || !EMAIL.matcher(value.trim()).matches() || value.length() > 320) {
            throw new InvalidInputException(field, "must be an e-mail address.");
        }
    }

    static VouchRefusedException selfVouch(String field) {
        return new VouchRefusedException(VouchRefusal.SELF_VOUCH, field, "Nobody can vouch for themselves; ask a list "
                + "member, a long-time oss-security participant, or a teammate who is already vouched for.");
    }

    /** An optional text as stored: trimmed, and none when blank. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void validate(VouchInput input) {
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
}
