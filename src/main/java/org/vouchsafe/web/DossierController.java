package org.vouchsafe.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.vouchsafe.readmodel.RequestReader;

/**
 * The reviewers' pages: every request, one request's dossier (linked from the Tasklist vote
 * and decision forms) and its oss-security posting.
 */
@Controller
class DossierController {

    private final DossierReader dossiers;
    private final RequestReader reader;
    private final Clock clock;

    DossierController(DossierReader dossiers, RequestReader reader, Clock clock) {
        this.dossiers = dossiers;
        this.reader = reader;
        this.clock = clock;
    }

    static final int PAGE_SIZE = 50;

    @GetMapping("/requests")
    @PreAuthorize("hasAnyAuthority('reviewers', 'list-admins')")
    String requests(@RequestParam(name = "page", defaultValue = "0") int page, Authentication user, Model model) {
        RequestReader.RequestPage shown = reader.page(user, Set.of(), Math.max(0, page), PAGE_SIZE);
        model.addAttribute("requests", shown.items());
        model.addAttribute("shown", shown);
        model.addAttribute("now", clock.instant());
        return "requests";
    }

    @GetMapping("/requests/{id}")
    @PreAuthorize("hasAnyAuthority('reviewers', 'list-admins')")
    String dossier(@PathVariable String id, Authentication user, Model model) {
        Dossier dossier = dossiers.read(id, user);
        model.addAttribute("d", dossier);
        model.addAttribute("r", dossier.request());
        model.addAttribute("age", Dashboard.human(Duration.between(dossier.request().filedAt(), clock.instant())));
        return "dossier";
    }

    /** The request as an oss-security posting; the applicant who filed it may read it too, as over the API. */
    @GetMapping("/requests/{id}/thread")
    String thread(@PathVariable String id, Authentication user, Model model) {
        model.addAttribute("request", reader.read(id, user));
        model.addAttribute("thread", reader.thread(id, user));
        return "thread";
    }
}
