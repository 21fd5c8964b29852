/**
 * Criterion 3: track-record evidence (filing payload, CSV and OSV uploads), its statistics,
 * the verdict and the eligibility forecast, and the charts reviewers look at.
 */
package org.vouchsafe.trackrecord;
