package org.vouchsafe;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries, verified: every top-level package under {@code org.vouchsafe} is a
 * module (Spring Modulith), the modules form no cycle, each depends only on what its
 * {@code package-info.java} allows and on other modules' public types, and only the workflow
 * adapter (and the system configuration) talks to Camunda. The module graph in
 * {@code docs/modules/} is written from the same model by {@link #shouldWriteTheModuleGraph()}.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(VouchsafeApplication.class);

    @Test
    void shouldKeepTheModuleBoundaries() {
        MODULES.verify();
    }

    @Test
    void shouldTalkToCamundaOnlyThroughTheWorkflowAdapter() {
        ArchRule rule = noClasses().that().resideInAPackage("org.vouchsafe..")
                .and().resideOutsideOfPackages("org.vouchsafe.workflow..", "org.vouchsafe.system..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("domain code calls the engine through ports that workflow implements (docs/architecture.md)");
        rule.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.vouchsafe"));
    }

    /** Regenerates docs/modules/ (PlantUML component diagrams and module canvases); commit what changes. */
    @Test
    void shouldWriteTheModuleGraph() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
