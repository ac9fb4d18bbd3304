package vn.hoinghi.media;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The orchestrator embeds this module: it must stay a plain library (DESIGN.md §4, STYLE.md). */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.hoinghi.media");

    @Test
    void noFrameworkXmppOrSqlImports() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut..", "io.vertx..", "org.jooq..", "org.jivesoftware..", "java.sql..")
                .check(classes);
    }

    @Test
    void theModelAndAdmissionDoNotKnowTheCliOrRenderers() {
        noClasses().that().resideInAnyPackage("vn.hoinghi.media.capacity..", "vn.hoinghi.media.admission..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.hoinghi.media.cli..",
                        "vn.hoinghi.media.render..", "vn.hoinghi.media.fleet..", "picocli..", "org.snakeyaml..")
                .check(classes);
    }
}
