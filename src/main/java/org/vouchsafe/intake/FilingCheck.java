package org.vouchsafe.intake;

import java.time.LocalDate;
import java.util.List;

import org.vouchsafe.problem.FieldProblem;

/**
 * A feature's rules for its part of a filing payload (the requesters' keys, the track-record
 * entries, ...), run by {@link FilingValidator} together with intake's own rules. Features
 * contribute their rules here so that intake, which every feature depends on, depends on none of
 * them. A check reports every problem it finds, naming the field by its JSON path.
 */
public interface FilingCheck {

    void validate(FilingRequest filing, LocalDate today, List<FieldProblem> problems);
}
