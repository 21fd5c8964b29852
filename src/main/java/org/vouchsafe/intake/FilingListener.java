package org.vouchsafe.intake;

/**
 * A feature that stores its own part of a filing (track-record evidence, parsed keys) in the
 * filing transaction, before the process starts. Throwing rolls the whole filing back.
 */
public interface FilingListener {

    void filed(MembershipRequest request, FilingRequest filing);
}
