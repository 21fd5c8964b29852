package org.vouchsafe.members;

import org.springframework.http.HttpStatus;
import org.vouchsafe.problem.DomainException;

/** The invitation link was used, replaced by a newer one, or expired (410): ask the list admin for a new one. */
class InvitationGoneException extends DomainException {

    InvitationGoneException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.GONE;
    }

    @Override
    public String title() {
        return "Invitation no longer valid";
    }
}
