/**
 * The append-only, hash-chained audit log: every filing, vote, vouch, challenge answer,
 * decision, roster change, admin override and threshold change, and every engine write a
 * signed-in user makes through Camunda's REST API or webapps, written in the transaction of
 * the change it records, with a read API for admins and applicants and a chain verifier.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"problem"})
package org.vouchsafe.audit;
