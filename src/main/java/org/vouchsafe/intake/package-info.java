/**
 * Membership requests: filing (validation of the public REST contract), the stored request
 * with its answers, requesters, roles and vouchers, reading it back, and its rendering as an
 * oss-security posting.
 */
package org.vouchsafe.intake;
