package org.steambytes.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The project's architecture rules (docs/ARCHITECTURE.md "Code layout"), checked in every module:
 * package by feature (no layer packages), no package cycles (between features, the application's
 * root package included, and between any two packages), repositories not public, {@code web} not
 * reached from the domain, constructor injection, no service importing another service's code, and
 * a {@code package-info.java} saying what every top-level package is.
 */
public final class ArchitectureRules {

    /** Base package of each deployable service; common is shared by all. */
    public static final List<String> SERVICE_PACKAGES = List.of(
            "org.steambytes.dashboard", "org.steambytes.api", "org.steambytes.ingestion",
            "org.steambytes.analytics", "org.steambytes.alerting");

    private static final String ROOT = "(root)";

    private ArchitectureRules() {
    }

    /**
     * Checks every rule against the production classes under {@code basePackage}, and the module's
     * sources (the working directory is the module, as Maven runs tests) for package documentation.
     */
    public static void check(String basePackage) {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        rules(basePackage).forEach(rule -> rule.check(production));
        requirePackageInfos(Path.of("src/main/java"), basePackage);
    }

    static List<ArchRule> rules(String basePackage) {
        String[] otherServices = SERVICE_PACKAGES.stream().filter(p -> !p.equals(basePackage))
                .map(p -> p + "..").toArray(String[]::new);
        return Stream.of(
                noClasses().should().resideInAnyPackage("..service..", "..controller..", "..repository..")
                        .as("packages are features in boiler terms, not layers"),
                slices().assignedFrom(sliced(basePackage, "top-level package", ArchitectureRules::topLevel))
                        .should().beFreeOfCycles()
                        .as("features (and the application's root package) depend on each other without cycles"),
                slices().assignedFrom(sliced(basePackage, "package", relative -> relative))
                        .should().beFreeOfCycles()
                        .as("no two packages depend on each other, at any depth"),
                classes().that().areAssignableTo("org.springframework.data.repository.Repository")
                        .should().notBePublic().allowEmptyShould(true)
                        .as("repositories are package-private: a feature's data stays in the feature"),
                noClasses().that().resideOutsideOfPackage(basePackage + "..web..")
                        .should().dependOnClassesThat().resideInAPackage(basePackage + "..web..")
                        .allowEmptyShould(true)
                        .as("the domain does not reach into web"),
                noFields().should().beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
                        .allowEmptyShould(true)
                        .as("constructor injection only"),
                noClasses().should().dependOnClassesThat().resideInAnyPackage(otherServices)
                        .allowEmptyShould(true)
                        .as("a service never imports another service's code"))
                .toList();
    }

    /** The first package below the base, or {@value #ROOT} for the base package itself. */
    static String topLevel(String relative) {
        int dot = relative.indexOf('.');
        return dot < 0 ? relative : relative.substring(0, dot);
    }

    /** Slices of the classes under {@code basePackage}, named by {@code name} of their package relative to it. */
    static SliceAssignment sliced(String basePackage, String description, Function<String, String> name) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                if (pkg.equals(basePackage)) {
                    return SliceIdentifier.of(ROOT);
                }
                if (!pkg.startsWith(basePackage + ".")) {
                    return SliceIdentifier.ignore();
                }
                return SliceIdentifier.of(name.apply(pkg.substring(basePackage.length() + 1)));
            }

            @Override
            public String getDescription() {
                return description + " of " + basePackage;
            }
        };
    }

    /**
     * Every package directly below {@code basePackage} has a {@code package-info.java} with a doc
     * comment: one sentence of what the package is and what it may use.
     */
    static void requirePackageInfos(Path sourceRoot, String basePackage) {
        Path base = sourceRoot.resolve(basePackage.replace('.', '/'));
        if (!Files.isDirectory(base)) {
            return;
        }
        try (Stream<Path> children = Files.list(base)) {
            List<String> undocumented = children.filter(Files::isDirectory)
                    .filter(dir -> !documented(dir.resolve("package-info.java")))
                    .map(dir -> basePackage + "." + dir.getFileName())
                    .sorted().toList();
            if (!undocumented.isEmpty()) {
                throw new AssertionError("Top-level packages without a package-info.java doc comment (what it is, what it"
                        + " may use): " + undocumented);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean documented(Path packageInfo) {
        try {
            return Files.isRegularFile(packageInfo) && Files.readString(packageInfo).contains("/**");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
