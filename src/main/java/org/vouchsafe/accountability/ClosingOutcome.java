package org.vouchsafe.accountability;

/**
 * How a list admin closes an accountability request. {@code ROLE_WITHDRAWN}: the distro stops
 * holding the role. {@code REMOVAL_PROPOSED}: the admin then confirms a removal through
 * {@code POST /api/members/{distroId}/removal}.
 */
public enum ClosingOutcome { EXPLAINED, CORRECTED, ROLE_WITHDRAWN, REMOVAL_PROPOSED }
