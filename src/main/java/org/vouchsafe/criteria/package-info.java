/**
 * Automated checks per membership criterion and their stored results
 * (PASS, CONCERN, FAIL, MANUAL, PENDING with reasons a person can act on).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalogue", "intake", "problem", "system"})
package org.vouchsafe.criteria;
