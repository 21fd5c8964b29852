/**
 * The review rounds: who may review a request (conflict of interest), reviewer votes and
 * their tally against the quorum, objections, and the applicant's replies to questions.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "intake", "problem", "system"})
package org.vouchsafe.review;
