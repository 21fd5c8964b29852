package org.vouchsafe.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.vouchsafe.intake.RequestAccess;
import org.vouchsafe.system.Roles;

/** The sign-in page and the start page, which sends each person to their own page. */
@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Authentication user) {
        if (RequestAccess.hasRole(user, Roles.LIST_ADMINS)) {
            return "redirect:/admin";
        }
        if (RequestAccess.hasRole(user, Roles.REVIEWERS)) {
            return "redirect:/requests";
        }
        if (RequestAccess.hasRole(user, Roles.APPLICANTS)) {
            return "redirect:/portal";
        }
        if (RequestAccess.hasRole(user, Roles.MEMBERS)) {
            return "redirect:/member";
        }
        return "home";
    }
}
