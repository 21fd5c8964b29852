/**
 * Criterion 9, vouching: who may vouch (roster members; long-time oss-security participants not
 * affiliated with the applicant), signed vouches, the chain from a vouched requester to teammates,
 * and which requesters an approval subscribes. Nothing here imports the process engine.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "criteria", "intake", "markup", "membership", "notification", "pgp", "problem", "system"})
package org.vouchsafe.vouching;
