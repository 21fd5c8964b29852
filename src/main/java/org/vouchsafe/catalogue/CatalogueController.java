package org.vouchsafe.catalogue;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
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

    @Operation(summary = "The nine membership criteria")
    @GetMapping("/criteria")
    List<Criterion> criteria() {
        return catalogue.criteria();
    }

    @Operation(summary = "The 18 roles a member distro may take on")
    @GetMapping("/roles")
    List<Role> roles() {
        return catalogue.roles();
    }

    @Operation(summary = "The list policy members accept")
    @GetMapping("/policy")
    PolicyVersion policy() {
        return catalogue.currentPolicy();
    }
}
