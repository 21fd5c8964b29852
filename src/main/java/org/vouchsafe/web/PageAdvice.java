package org.vouchsafe.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.vouchsafe.intake.RequestAccess;
import org.vouchsafe.problem.ConflictException;
import org.vouchsafe.problem.ForbiddenException;
import org.vouchsafe.problem.NotFoundException;
import org.vouchsafe.system.Roles;

/**
 * For the pages only: who is signed in (the layout's navigation depends on the groups), and
 * errors as pages rather than the API's problem JSON. Ordered before the API's handler,
 * which would otherwise answer page requests with JSON.
 */
@ControllerAdvice(basePackageClasses = PageAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    @ModelAttribute("viewer")
    Viewer viewer(Authentication user) {
        return Viewer.of(user);
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, Authentication user) {
        return error(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), user);
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ModelAndView forbidden(RuntimeException e, Authentication user) {
        return error(HttpStatus.FORBIDDEN, "Not for you",
                e instanceof ForbiddenException ? e.getMessage() : "Your groups do not give access to this page.", user);
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e, Authentication user) {
        return error(HttpStatus.CONFLICT, "Not possible now", e.getMessage(), user);
    }

    private static ModelAndView error(HttpStatus status, String title, String message, Authentication user) {
        ModelAndView page = new ModelAndView("page-error", status);
        page.addObject("title", title);
        page.addObject("message", message);
        page.addObject("viewer", Viewer.of(user));
        return page;
    }

    /** The signed-in person and the groups the navigation cares about. */
    record Viewer(String name, boolean applicant, boolean reviewer, boolean admin, boolean member) {
        static Viewer of(Authentication user) {
            if (user == null || !user.isAuthenticated()) {
                return null;
            }
            return new Viewer(user.getName(), RequestAccess.hasRole(user, Roles.APPLICANTS),
                    RequestAccess.hasRole(user, Roles.REVIEWERS), RequestAccess.hasRole(user, Roles.LIST_ADMINS),
                    RequestAccess.hasRole(user, Roles.MEMBERS));
        }
    }
}
