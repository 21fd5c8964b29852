package org.vouchsafe.members;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.vouchsafe.incidents.MemberDirectory;
import org.vouchsafe.membership.Member;

/**
 * Tells the incidents feature which distro a signed-in member reports for: the roster entry of
 * their account, while they are subscribed. Someone who left reports nothing any more (their
 * account is closed as well; this holds even for a session opened before they left).
 */
@Component
class MemberDistroDirectory implements MemberDirectory {

    private final MemberAccounts accounts;

    MemberDistroDirectory(MemberAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<String> distroIdOf(String username) {
        return accounts.memberOf(username).filter(Member::isSubscribed).map(Member::getDistroId);
    }
}
