package org.vouchsafe.catalogue;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read-only access to the criteria, the roles and the current list policy. */
@RestController
@RequestMapping("/api/catalogue")
class CatalogueController {

    private final Catalogue catalogue;

    CatalogueController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/criteria")
    List<Criterion> criteria() {
        return catalogue.criteria();
    }

    @GetMapping("/roles")
    List<Role> roles() {
        return catalogue.roles();
    }

    @GetMapping("/policy")
    PolicyVersion policy() {
        return catalogue.currentPolicy();
    }
}
