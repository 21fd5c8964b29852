/**
 * Role accountability: a member distro is asked to explain and correct what went wrong in a role
 * it holds, answers within a deadline (reminded halfway, escalated to the list admins if silent),
 * and a list admin closes the item: explained, corrected, role withdrawn, or removal proposed.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "catalogue", "membership", "notification", "problem", "system"})
package org.vouchsafe.accountability;
