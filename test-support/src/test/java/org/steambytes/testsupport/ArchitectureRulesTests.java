package org.steambytes.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules can fail: each cycle rule is shown a package tree with the cycle it exists to catch. */
class ArchitectureRulesTests {

    private static final String FIXTURES = "org.steambytes.archfixture.";

    @Test
    void findsACycleThroughTheApplicationsRootPackage() {
        assertThat(violated("rootcycle")).containsExactlyInAnyOrder(
                "features (and the application's root package) depend on each other without cycles",
                "no two packages depend on each other, at any depth");
    }

    @Test
    void findsACycleBetweenFeaturesThatNoTwoPackagesShow() {
        assertThat(violated("featurecycle"))
                .containsExactly("features (and the application's root package) depend on each other without cycles");
    }

    @Test
    void findsACycleInsideOneFeature() {
        assertThat(violated("nestedcycle")).containsExactly("no two packages depend on each other, at any depth");
    }

    @Test
    void passesATreeWithoutCycles() {
        assertThat(violated("acyclic")).isEmpty();
    }

    @Test
    void asksForAPackageInfoInEveryTopLevelPackage(@TempDir Path sources) throws IOException {
        Path base = Files.createDirectories(sources.resolve("org/example"));
        Files.createDirectories(base.resolve("boiler"));
        Files.writeString(Files.createDirectories(base.resolve("burner")).resolve("package-info.java"),
                "/** Burner states. */\npackage org.example.burner;\n");
        assertThatThrownBy(() -> ArchitectureRules.requirePackageInfos(sources, "org.example"))
                .hasMessageContaining("[org.example.boiler]");
        Files.writeString(base.resolve("boiler/package-info.java"), "package org.example.boiler;\n");
        assertThatThrownBy(() -> ArchitectureRules.requirePackageInfos(sources, "org.example"))
                .as("a package-info without a doc comment says nothing").hasMessageContaining("[org.example.boiler]");
        Files.writeString(base.resolve("boiler/package-info.java"), "/** Boilers. */\npackage org.example.boiler;\n");
        ArchitectureRules.requirePackageInfos(sources, "org.example");
    }

    private static List<String> violated(String fixture) {
        String base = FIXTURES + fixture;
        JavaClasses classes = new ClassFileImporter().importPackages(base);
        assertThat(classes).isNotEmpty();
        return ArchitectureRules.rules(base).stream().filter(rule -> rule.evaluate(classes).hasViolation())
                .map(ArchRule::getDescription).toList();
    }
}
