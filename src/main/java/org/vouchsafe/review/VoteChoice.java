package org.vouchsafe.review;

/** A reviewer's vote in a round. */
public enum VoteChoice { APPROVE, OBJECT, NEEDS_INFO }
