package dk.barometer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dk.barometer.estimation.IndicatorEstimator;
import dk.barometer.estimation.TaylorVariance;
import dk.barometer.validate.PactValidator;
import dk.barometer.validate.ResponseValidator;
import dk.barometer.warehouse.Warehouse;
import dk.barometer.weighting.SurveyWeighting;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the pipeline and depend one way: configuration, then ingest and validation, weighting,
 * estimation, the warehouse, the pipeline that chains a run, and the query side, report, notebooks, demo, bench and
 * command line on top (the query side answers ad-hoc estimates through the pipeline). {@code runtime} (Spark session, expression evaluation, cause chains) serves every layer above configuration.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dk.barometer");
  }

  @Test
  void noCycleBetweenPackages() {
    slices().matching("dk.barometer.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void eachLayerUsesOnlyTheLayersBelowIt() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("config").definedBy("dk.barometer.config..")
        .layer("runtime").definedBy("dk.barometer.runtime..")
        .layer("ingest").definedBy("dk.barometer.ingest..")
        .layer("validate").definedBy("dk.barometer.validate..")
        .layer("weighting").definedBy("dk.barometer.weighting..")
        .layer("estimation").definedBy("dk.barometer.estimation..")
        .layer("warehouse").definedBy("dk.barometer.warehouse..")
        .layer("pipeline").definedBy("dk.barometer.pipeline..")
        .layer("query").definedBy("dk.barometer.query..")
        .layer("report").definedBy("dk.barometer.report..")
        .layer("notebook").definedBy("dk.barometer.notebook..")
        .layer("demo").definedBy("dk.barometer.demo..")
        .layer("bench").definedBy("dk.barometer.bench..")
        .layer("cli").definedBy("dk.barometer.cli..")
        .whereLayer("config").mayNotAccessAnyLayer()
        .whereLayer("runtime").mayOnlyAccessLayers("config")
        .whereLayer("ingest").mayOnlyAccessLayers("config", "runtime")
        .whereLayer("validate").mayOnlyAccessLayers("config", "runtime", "ingest")
        .whereLayer("weighting").mayOnlyAccessLayers("config", "runtime", "ingest")
        .whereLayer("estimation").mayOnlyAccessLayers("config", "runtime", "weighting")
        .whereLayer("warehouse").mayOnlyAccessLayers("config", "runtime")
        .whereLayer("pipeline").mayOnlyAccessLayers("config", "runtime", "ingest", "validate", "weighting",
            "estimation", "warehouse")
        .whereLayer("query").mayOnlyAccessLayers("config", "runtime", "estimation", "warehouse", "pipeline")
        .whereLayer("report").mayOnlyAccessLayers("config", "runtime", "query", "warehouse")
        .whereLayer("notebook").mayOnlyAccessLayers("config", "runtime", "warehouse", "query", "report")
        .whereLayer("demo").mayOnlyAccessLayers("config", "runtime", "ingest", "estimation", "pipeline")
        .whereLayer("bench").mayOnlyAccessLayers("config", "runtime", "ingest", "estimation", "warehouse",
            "pipeline", "demo")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .check(classes);
  }

  /**
   * A run's steps are chained in the pipeline only: nothing else weighs, estimates, validates or writes a wave (a
   * step's own class may call its parts).
   */
  @Test
  void onlyThePipelineChainsTheStepsOfARun() {
    noClasses().that().resideOutsideOfPackage("dk.barometer.pipeline..")
        .should().callMethodWhere(stepOfARun())
        .check(classes);
  }

  private static DescribedPredicate<JavaMethodCall> stepOfARun() {
    Set<String> estimation = Set.of("cellSums", "pointEstimates", "estimate");
    return DescribedPredicate.describe("a step of a wave or pact run", call -> {
      String owner = call.getTargetOwner().getName();
      String name = call.getName();
      return !call.getOriginOwner().getName().equals(owner) && (owner.equals(SurveyWeighting.class.getName()) && name.equals("weigh")
          || owner.equals(IndicatorEstimator.class.getName()) && estimation.contains(name)
          || owner.equals(TaylorVariance.class.getName()) && name.equals("withUncertainty")
          || owner.equals(ResponseValidator.class.getName()) && name.startsWith("validate")
          || owner.equals(PactValidator.class.getName()) && name.equals("validate")
          || owner.equals(Warehouse.class.getName()) && (name.equals("replaceWave") || name.equals("replaceYear")));
    });
  }
}
