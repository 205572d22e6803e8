package dk.barometer.weighting;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.SurveySettings;
import dk.barometer.testing.ReferenceFixture;
import dk.barometer.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The weights equal R {@code survey}'s on every fixture of src/test/resources/weighting, to 1e-9 relative. The
 * fixtures and expected weights are made by src/test/r/weighting_reference.R (svydesign, rake, trimWeights); see
 * src/test/r/README.md.
 */
class WeightingReferenceTest {
  private static final Path FIXTURES = ReferenceFixture.WEIGHTING;
  private static final double RELATIVE = 1e-9;


  @TestFactory
  Stream<DynamicTest> weightsEqualR() throws IOException {
    List<Path> fixtures;
    try (Stream<Path> dirs = Files.list(FIXTURES)) {
      fixtures = dirs.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(fixtures).extracting(p -> p.getFileName().toString())
        .contains("small", "oversampled", "collapse", "trimming");
    return fixtures.stream().flatMap(fixture -> {
      ReferenceFixture reference = ReferenceFixture.load(fixture);
      return reference.settings().surveys().keySet().stream().map(survey -> DynamicTest.dynamicTest(
          fixture.getFileName() + " / " + survey, () -> check(reference, survey)));
    });
  }

  private static void check(ReferenceFixture reference, String survey) {
    Path fixture = reference.dir();
    ReferenceFixture.Settings settings = reference.settings();
    SparkSession spark = TestSpark.spark();
    Dataset<Row> respondents = spark.read().option("header", "true")
        .csv(fixture.resolve("respondents.csv").toString())
        .where(col("survey").equalTo(survey))
        .withColumn("respondent_id", col("respondent_id").cast("bigint"));
    SurveySettings surveySettings = settings.surveys().get(survey);
    WeightedSample sample = new SurveyWeighting(survey, surveySettings, settings.raking(),
        ReferenceFixture.classifications())
        .weigh(0, respondents, reference.register(surveySettings.population()));

    Map<Long, double[]> expected = expectedWeights(fixture, survey);
    List<Row> actual = sample.rows().select("respondent_id", DesignWeights.DESIGN_WEIGHT, SurveyWeighting.WEIGHT)
        .collectAsList();
    assertThat(actual).hasSize(expected.size());
    for (Row r : actual) {
      double[] e = expected.get(r.getLong(0));
      assertThat(e).as("respondent %s in expected.csv", r.getLong(0)).isNotNull();
      assertRelative(r.getDouble(1), e[0], "design weight of " + r.getLong(0));
      assertRelative(r.getDouble(2), e[1], "weight of " + r.getLong(0));
    }

    Map<String, String> summary = expectedSummary(fixture, survey);
    WeightDiagnostics d = sample.diagnostics();
    assertThat(d.trimmed()).as("trimmed").isEqualTo(Long.parseLong(summary.get("trimmed")));
    assertThat(d.trimmingRounds()).as("rounds").isEqualTo(Integer.parseInt(summary.get("rounds")));
    assertRelative(d.minWeight(), Double.parseDouble(summary.get("min_weight")), "min weight");
    assertRelative(d.medianWeight(), Double.parseDouble(summary.get("median_weight")), "median weight");
    assertRelative(d.maxWeight(), Double.parseDouble(summary.get("max_weight")), "max weight");
    assertRelative(d.kishDesignEffect(), Double.parseDouble(summary.get("kish_deff")), "Kish deff");
    assertRelative(d.effectiveSampleSize(), Double.parseDouble(summary.get("effective_n")), "effective n");
  }

  private static void assertRelative(double actual, double expected, String what) {
    assertThat(Math.abs(actual - expected)).as("%s: %s vs R %s", what, actual, expected)
        .isLessThanOrEqualTo(RELATIVE * Math.abs(expected));
  }

  private static Map<Long, double[]> expectedWeights(Path fixture, String survey) {
    Map<Long, double[]> expected = new HashMap<>();
    for (Map<String, String> row : ReferenceFixture.csv(fixture.resolve("expected.csv"))) {
      if (row.get("survey").equals(survey)) {
        expected.put(Long.parseLong(row.get("respondent_id")), new double[] {
            Double.parseDouble(row.get("design_weight")), Double.parseDouble(row.get("weight"))});
      }
    }
    return expected;
  }

  private static Map<String, String> expectedSummary(Path fixture, String survey) {
    return ReferenceFixture.csv(fixture.resolve("expected_summary.csv")).stream().filter(r -> r.get("survey").equals(survey))
        .findFirst().orElseThrow();
  }
}
