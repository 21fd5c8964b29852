/**
 * The list admin's decisions on requests and the roster of subscribed people with their
 * distro, key fingerprint and role commitments.
 */
package org.vouchsafe.membership;
