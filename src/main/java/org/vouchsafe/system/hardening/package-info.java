/**
 * Lock-down of the Camunda 7.24 CE surface that the application does not write itself: a
 * filter that refuses expression parameters on the engine and webapp REST APIs, and an engine
 * plugin that switches off expressions in queries, Java serialization, XXE and the engine's
 * own account lock (the application throttles sign-ins itself).
 */
package org.vouchsafe.system.hardening;
