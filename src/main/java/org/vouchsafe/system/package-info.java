/**
 * Cross-cutting configuration: security (who may reach which route), the demo identities,
 * and application-wide settings.
 */
package org.vouchsafe.system;
