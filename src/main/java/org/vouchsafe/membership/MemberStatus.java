package org.vouchsafe.membership;

/**
 * Where a person stands on the roster: subscribed; leaving on a future date the admin set
 * (still subscribed until then); or left (off the current roster and the mail recipients, kept
 * for the roster's history).
 */
public enum MemberStatus { SUBSCRIBED, LEAVING, LEFT }
