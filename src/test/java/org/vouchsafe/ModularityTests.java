package org.vouchsafe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

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

    /**
     * Regenerates docs/modules/ (PlantUML component diagrams and module canvases); commit what
     * changes. The Documenter lists components and relations in hash order, so each run sorts them,
     * and an unchanged graph leaves the files unchanged.
     */
    @Test
    void shouldWriteTheModuleGraph() throws IOException {
        Path folder = Path.of("docs", "modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.writeString(file, sortedBlocks(Files.readString(file)));
            }
        }
    }

    /** Sorts each run of consecutive {@code Component(...)} or {@code Rel(...)} lines. */
    static String sortedBlocks(String text) {
        List<String> out = new ArrayList<>();
        List<String> block = new ArrayList<>();
        String kind = null;
        for (String line : text.split("\n", -1)) {
            String lineKind = line.strip().startsWith("Rel(") ? "Rel" : line.strip().startsWith("Component(") ? "Component" : null;
            if (lineKind == null || !lineKind.equals(kind)) {
                Collections.sort(block);
                out.addAll(block);
                block.clear();
            }
            kind = lineKind;
            if (lineKind == null) {
                out.add(line);
            } else {
                block.add(line);
            }
        }
        Collections.sort(block);
        out.addAll(block);
        return String.join("\n", out);
    }
}
