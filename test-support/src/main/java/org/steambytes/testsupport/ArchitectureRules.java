package org.steambytes.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;

/**
 * STYLE.md's architecture rules, checked in every module: package by feature (no layer packages),
 * repositories not public, {@code web} not reached from the domain, constructor injection, and no
 * service importing another service's code.
 */
public final class ArchitectureRules {

    /** Base package of each deployable service; common is shared by all. */
    public static final List<String> SERVICE_PACKAGES = List.of(
            "org.steambytes.dashboard", "org.steambytes.api", "org.steambytes.ingestion",
            "org.steambytes.analytics", "org.steambytes.alerting");

    private ArchitectureRules() {
    }

    /** Checks every rule against the production classes under {@code basePackage}. */
    public static void check(String basePackage) {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        rules(basePackage).forEach(rule -> rule.check(production));
    }

    static List<ArchRule> rules(String basePackage) {
        String[] otherServices = SERVICE_PACKAGES.stream().filter(p -> !p.equals(basePackage))
                .map(p -> p + "..").toArray(String[]::new);
        return Stream.of(
                noClasses().should().resideInAnyPackage("..service..", "..controller..", "..repository..")
                        .as("packages are features in boiler terms, not layers"),
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
}
