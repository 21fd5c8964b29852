/**
 * Leak incidents, as the list policy prescribes them: a member distro reports a leak, confirms it
 * told the reporter and the list, files a final report within a deadline, and the list admin closes it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "membership", "problem", "system"})
package org.vouchsafe.incidents;
