package vn.hoinghi.orchestrator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package rules of the brief, as tests: a violation fails the build instead of waiting for review. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {
    private static final String GENERATED = "vn.hoinghi.orchestrator.platform.db.jooq..";
    private JavaClasses classes;

    @BeforeAll
    void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.hoinghi.orchestrator");
    }

    @Test
    void onlyStoresUseJooq() {
        // Micronaut's generated bean definitions ($XxxStore$Definition) name the DSLContext they inject.
        noClasses().that().haveSimpleNameNotEndingWith("Store")
                .and().haveNameNotMatching(".*\\.\\$.*")
                .and().resideOutsideOfPackage(GENERATED)
                .should().dependOnClassesThat().resideInAPackage("org.jooq..")
                .because("SQL lives in *Store classes only")
                .check(classes);
    }

    @Test
    void onlyProvisioningXmppUsesSmack() {
        noClasses().that().resideOutsideOfPackage("vn.hoinghi.orchestrator.provisioning.xmpp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jivesoftware..", "org.jxmpp..",
                        "org.jitsi.xmpp..")
                .check(classes);
    }

    @Test
    void capacityImportsNoFramework() {
        noClasses().that().resideInAPackage("vn.hoinghi.orchestrator.capacity..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "org.jooq..",
                        "org.jivesoftware..", "jakarta.inject..", "io.vertx..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void noTestCanBeSkippedQuietly() {
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("vn.hoinghi.orchestrator");
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.junit.jupiter.api.Disabled")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.junit.jupiter.api.Assumptions")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.assertj.core.api.Assumptions")
                .orShould().dependOnClassesThat().resideInAPackage("org.junit.jupiter.api.condition..")
                .because("a test that cannot run must fail, never skip (no @Disabled, assumptions or @EnabledIf...)")
                .check(tests);
    }

    @Test
    void domainsDoNotReachIntoTheDemo() {
        noClasses().that().resideOutsideOfPackages("vn.hoinghi.orchestrator.demo..", "vn.hoinghi.orchestrator")
                .should().dependOnClassesThat().resideInAPackage("vn.hoinghi.orchestrator.demo..")
                .check(classes);
    }
}
