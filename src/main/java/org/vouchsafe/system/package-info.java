/**
 * Cross-cutting configuration: security (who may reach which route, login throttling, body
 * limits, security headers), the demo identities, the admin account outside the demo, and
 * application-wide settings.
 */
package org.vouchsafe.system;
