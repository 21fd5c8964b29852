package org.vouchsafe.web;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.members.ContributionInput;
import org.vouchsafe.members.MemberAccounts;
import org.vouchsafe.members.MemberDistros;
import org.vouchsafe.members.MemberKeys;
import org.vouchsafe.members.MemberTasks;
import org.vouchsafe.membership.Member;
import org.vouchsafe.problem.DomainException;
import org.vouchsafe.problem.FieldProblem;
import org.vouchsafe.problem.ForbiddenException;
import org.vouchsafe.problem.InvalidInputException;

/**
 * The signed-in member's page ({@code /member}): their distro, teammates, the roles it holds, its
 * recorded contributions with the form to add one, the vouch tasks waiting for them, and their
 * key's health; and the invitation page where an invited member chooses a password. Both go
 * through the same services as {@code /api/members/**} and {@code /api/invitations/**}.
 */
@Controller
class MemberPageController {

    private final MemberDistros distros;
    private final MemberAccounts accounts;
    private final MemberKeys keys;
    private final MemberTasks tasks;
    private final Catalogue catalogue;

    MemberPageController(MemberDistros distros, MemberAccounts accounts, MemberKeys keys, MemberTasks tasks,
                         Catalogue catalogue) {
        this.distros = distros;
        this.accounts = accounts;
        this.keys = keys;
        this.tasks = tasks;
        this.catalogue = catalogue;
    }

    @GetMapping("/member")
    String member(Authentication user, Model model) {
        Member me = distros.memberOf(user)
                .orElseThrow(() -> new ForbiddenException("This page is for subscribed members; your account is not one."));
        model.addAttribute("me", me);
        model.addAttribute("distro", distros.view(me.getDistroId(), user));
        model.addAttribute("key", keys.health(me));
        model.addAttribute("vouchTasks", tasks.openVouchTasks(user.getName()));
        model.addAttribute("roleChoices", catalogue.roles());
        if (!model.containsAttribute("contribution")) {
            model.addAttribute("contribution", new ContributionInput("", "", "", ""));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "member";
    }

    @PostMapping("/member/contributions")
    String contribute(@RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String date,
                      @RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String summary,
                      Authentication user, Model model, RedirectAttributes redirect) {
        Member me = distros.memberOf(user)
                .orElseThrow(() -> new ForbiddenException("This page is for subscribed members; your account is not one."));
        ContributionInput input = new ContributionInput(role, date, reference, summary);
        try {
            distros.record(me.getDistroId(), input, user);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("contribution", input);
            redirect.addFlashAttribute("errors", e.problems().stream()
                    .collect(Collectors.toMap(FieldProblem::field, FieldProblem::message, (a, b) -> a)));
            return "redirect:/member#contribute";
        }
        redirect.addFlashAttribute("recorded", true);
        return "redirect:/member#contributions";
    }

    @PostMapping("/member/key")
    String renewKey(@RequestParam(defaultValue = "") String publicKey, Authentication user, RedirectAttributes redirect) {
        Member me = distros.memberOf(user)
                .orElseThrow(() -> new ForbiddenException("This page is for subscribed members; your account is not one."));
        try {
            keys.renew(me.getId(), publicKey, user.getName());
            redirect.addFlashAttribute("keyRenewed", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("keyError", e.problems().stream().map(FieldProblem::message)
                    .collect(Collectors.joining(" ")));
        }
        return "redirect:/member#key-title";
    }

    @GetMapping("/invitations/{token}")
    String invitation(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("username", accounts.invited(token));
            model.addAttribute("token", token);
        } catch (DomainException e) {
            response.setStatus(e.status().value());
            model.addAttribute("failure", e.getMessage());
        }
        return "invitation";
    }

    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String confirmation, Model model, HttpServletResponse response) {
        model.addAttribute("token", token);
        try {
            String username = accounts.invited(token);
            model.addAttribute("username", username);
            if (!password.equals(confirmation)) {
                response.setStatus(400);
                model.addAttribute("passwordError", "The two passwords differ; type the same one twice.");
                return "invitation";
            }
            model.addAttribute("done", accounts.accept(token, password));
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("passwordError", e.problems().isEmpty() ? e.getMessage() : e.problems().get(0).message());
        } catch (DomainException e) {
            response.setStatus(e.status().value());
            model.addAttribute("failure", e.getMessage());
        }
        return "invitation";
    }
}
