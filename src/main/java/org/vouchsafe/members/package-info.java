/**
 * Life after admission: subscribed people get accounts (invited through a one-time link mailed
 * encrypted to their key), see their member distro, record contributions, and join the reviewer pool.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accountability", "audit", "catalogue", "incidents", "intake", "membership",
        "notification", "pgp", "problem", "review", "system"})
package org.vouchsafe.members;
