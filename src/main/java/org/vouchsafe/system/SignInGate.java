package org.vouchsafe.system;

/**
 * Asked at every sign-in after the password matched: may this account sign in now? A feature
 * that hands out accounts implements it (members: not before the invitation's password is set),
 * so the security configuration needs no knowledge of that feature.
 */
public interface SignInGate {

    /** Whether {@code username}, whose password just matched, may sign in. */
    boolean maySignIn(String username);
}
