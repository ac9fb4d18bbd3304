package vn.hoinghi.collector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Which package may use what: SQL only in store, HTTP serving only in api, quality free of I/O. */
@AnalyzeClasses(packages = "vn.hoinghi.collector", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule sqlOnlyInStore = noClasses().that().resideOutsideOfPackages("..store..")
      .and().doNotHaveSimpleName("Main").and().doNotHaveSimpleName("Collector")
      .should().dependOnClassesThat().resideInAnyPackage("io.vertx.sqlclient..", "io.vertx.pgclient..",
          "org.flywaydb..", "io.zonky..");

  @ArchTest
  static final ArchRule qualityDoesNoIo = noClasses().that().resideInAPackage("..quality..")
      .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "..store..", "..api..", "..live..",
          "..jvb..", "io.micrometer..");

  @ArchTest
  static final ArchRule ingestKnowsNothingOfOutputs = noClasses().that().resideInAPackage("..rtcstats..")
      .should().dependOnClassesThat().resideInAnyPackage("..store..", "..api..", "..live..", "..jvb..");

  @ArchTest
  static final ArchRule onlyTheApiServesHttp = noClasses().that().resideOutsideOfPackages("..api..")
      .should().dependOnClassesThat().resideInAnyPackage("io.vertx.ext.web..");
}
