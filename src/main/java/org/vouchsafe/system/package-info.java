/**
 * Cross-cutting configuration: security (who may reach which route, login throttling, body
 * limits, security headers), the demo identities, the admin account outside the demo, and
 * application-wide settings.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"problem"})
package org.vouchsafe.system;
