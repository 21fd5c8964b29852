package org.vouchsafe.membership;

/** What the list admin decided. */
public enum DecisionOutcome { APPROVED, REJECTED, DEFERRED }
