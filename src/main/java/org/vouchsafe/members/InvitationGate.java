package org.vouchsafe.members;

import org.springframework.stereotype.Component;
import org.vouchsafe.system.SignInGate;

/**
 * A member's account signs in only once its owner set the password through the invitation. Its
 * password is random until then, so this is the second lock, for our API and pages: it holds even if
 * someone set a password around the invitation (in Camunda's Admin webapp, say). Camunda's webapp
 * login checks passwords itself and relies on the first.
 */
@Component
class InvitationGate implements SignInGate {

    private final MemberAccounts accounts;

    InvitationGate(MemberAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean maySignIn(String username) {
        return accounts.maySignIn(username);
    }
}
