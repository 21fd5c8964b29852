/**
 * Automated checks per membership criterion and their stored results
 * (PASS, CONCERN, FAIL, MANUAL, PENDING with reasons a person can act on).
 */
package org.vouchsafe.criteria;
