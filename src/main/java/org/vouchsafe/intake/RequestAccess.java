package org.vouchsafe.intake;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.vouchsafe.problem.ForbiddenException;
import org.vouchsafe.problem.NotFoundException;
import org.vouchsafe.system.Roles;

/**
 * Object-level access to requests: reviewers and list admins read every request, an
 * applicant only those they filed. Others' requests answer 404 so their ids cannot be probed.
 */
@Component
public class RequestAccess {

    private final MembershipRequestRepository requests;

    public RequestAccess(MembershipRequestRepository requests) {
        this.requests = requests;
    }

    public MembershipRequest readable(String requestId, Authentication user) {
        MembershipRequest request = requests.findById(requestId).orElseThrow(() -> notFound(requestId));
        if (hasRole(user, Roles.LIST_ADMINS) || hasRole(user, Roles.REVIEWERS) || isOwner(request, user)) {
            return request;
        }
        throw notFound(requestId);
    }

    /** The request, if the caller filed it (the applicant's own actions: replies, evidence). */
    public MembershipRequest owned(String requestId, Authentication user) {
        MembershipRequest request = requests.findById(requestId).orElseThrow(() -> notFound(requestId));
        if (isOwner(request, user) || hasRole(user, Roles.LIST_ADMINS)) {
            return request;
        }
        throw notFound(requestId);
    }

    /**
     * The request, if the caller filed it: acts only the applicant may take (withdrawing). Reviewers
     * and list admins, who may see the request, are told it is not theirs to do (403); anyone else
     * gets the 404 every other route gives them.
     */
    public MembershipRequest filedByCaller(String requestId, Authentication user, String action) {
        MembershipRequest request = requests.findById(requestId).orElseThrow(() -> notFound(requestId));
        if (isOwner(request, user)) {
            return request;
        }
        if (hasRole(user, Roles.LIST_ADMINS) || hasRole(user, Roles.REVIEWERS)) {
            throw new ForbiddenException("Only the applicant who filed request " + requestId + " may " + action + ".");
        }
        throw notFound(requestId);
    }

    public static boolean isOwner(MembershipRequest request, Authentication user) {
        return user != null && request.getFiledBy().equals(user.getName());
    }

    public static boolean hasRole(Authentication user, String role) {
        return user != null && user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(role::equals);
    }

    private static NotFoundException notFound(String requestId) {
        return new NotFoundException("No membership request " + requestId + " that you may see.");
    }
}
