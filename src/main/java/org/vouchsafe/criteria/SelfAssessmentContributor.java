package org.vouchsafe.criteria;

import java.util.Map;

import org.vouchsafe.intake.FilingRequest;

/**
 * A feature that adds its own findings to a self-assessment (e.g. track-record statistics and
 * the eligibility forecast) under its own key.
 */
public interface SelfAssessmentContributor {

    /** Adds entries to {@code details}; must not store anything. */
    void contribute(FilingRequest filing, Map<String, Object> details);
}
