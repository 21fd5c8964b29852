/**
 * The list admin's decisions on requests and the roster of subscribed people with their
 * distro, key fingerprint and role commitments.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "intake", "pgp", "problem", "system"})
package org.vouchsafe.membership;
