/**
 * Membership requests: filing (validation of the public REST contract), the stored request
 * with its answers, requesters, roles and vouchers, reading it back, and its rendering as an
 * oss-security posting.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "catalogue", "problem", "system"})
package org.vouchsafe.intake;
