/**
 * Errors every feature raises for bad input or a clashing state, and their rendering as
 * RFC 9457 problem details with a field-level {@code errors} array.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.vouchsafe.problem;
