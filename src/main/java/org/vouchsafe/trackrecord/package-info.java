/**
 * Criterion 3: track-record evidence (filing payload, CSV and OSV uploads), its statistics,
 * the verdict and the eligibility forecast, and the charts reviewers look at.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalogue", "criteria", "intake", "markup", "membership", "problem", "system"})
package org.vouchsafe.trackrecord;
