package org.vouchsafe.web;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The list admin's dashboard: the funnel, reviewer participation, decisions, open leak incidents and role coverage. */
@Controller
@PreAuthorize("hasAuthority('list-admins')")
class AdminController {

    private final AdminDashboardReader reader;

    AdminController(AdminDashboardReader reader) {
        this.reader = reader;
    }

    @GetMapping("/admin")
    String dashboard(Model model) {
        Dashboard dashboard = reader.dashboard();
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("median", dashboard.medianToDecision().map(Dashboard::human).orElse(null));
        model.addAttribute("coverage", reader.coverage());
        model.addAttribute("incidents", reader.openIncidents());
        model.addAttribute("targets", reader.targets());
        model.addAttribute("reviewTarget", Dashboard.days(reader.targets().review()));
        model.addAttribute("decisionTarget", Dashboard.days(reader.targets().decision()));
        return "admin";
    }

    @GetMapping(path = "/admin/funnel.svg", produces = "image/svg+xml")
    ResponseEntity<String> funnel() {
        return svg(SvgCharts.funnel(reader.dashboard().funnel()));
    }

    @GetMapping(path = "/admin/decisions.svg", produces = "image/svg+xml")
    ResponseEntity<String> decisions() {
        return svg(SvgCharts.decisionsOverTime(reader.dashboard().decisionsByMonth()));
    }

    private static ResponseEntity<String> svg(String body) {
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(body);
    }
}
