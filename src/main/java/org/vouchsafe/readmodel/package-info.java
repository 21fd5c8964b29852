/**
 * The read side: membership requests as the API and the pages show them (checks, votes, the
 * decision, the oss-security thread), assembled from every feature, and the {@code /api/requests}
 * resource that answers with them. It may depend on every feature; no feature depends on it.
 */
package org.vouchsafe.readmodel;
