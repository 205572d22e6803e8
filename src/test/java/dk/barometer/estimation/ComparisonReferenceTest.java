package dk.barometer.estimation;

import static dk.barometer.estimation.TaylorVarianceReferenceTest.relative;
import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.ComparisonDefinition;
import dk.barometer.config.ComparisonGroup;
import dk.barometer.config.ComparisonMeasure;
import dk.barometer.config.ReliabilitySettings;
import dk.barometer.config.SurveySettings;
import dk.barometer.pipeline.SurveyEstimation;
import dk.barometer.testing.ReferenceFixture;
import dk.barometer.testing.TestSpark;
import dk.barometer.weighting.WeightedSample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differences and ratios of two domains of one wave equal R {@code survey}'s, their covariance included:
 * {@code svyratio(~y1 + y2, ~b1 + b2, covmat = TRUE)} on the raking-calibrated stratified design, then
 * {@code svycontrast} (difference; ratio and log ratio by the delta method), for disjoint groups (two size classes),
 * overlapping ones (a region and a size class) and a group against the total, and their p-values adjusted by
 * Benjamini-Hochberg over the survey's comparisons ({@code p.adjust}); expected values from
 * src/test/r/comparison_reference.R.
 */
class ComparisonReferenceTest {
  @TestFactory
  Stream<DynamicTest> differencesAndRatiosEqualR() {
    return Stream.of("oversampled", "collapse").flatMap(name -> {
      ReferenceFixture fixture = ReferenceFixture.load(ReferenceFixture.WEIGHTING.resolve(name));
      return fixture.settings().surveys().keySet().stream().map(survey ->
          DynamicTest.dynamicTest(name + " / " + survey, () -> check(fixture, survey)));
    });
  }

  private static void check(ReferenceFixture fixture, String survey) {
    List<Map<String, String>> expected = ReferenceFixture.csv(
        ReferenceFixture.COMPARISONS.resolve(fixture.name()).resolve("expected_comparisons.csv")).stream()
        .filter(e -> e.get("survey").equals(survey)).toList();
    assertThat(expected).isNotEmpty();
    List<ComparisonDefinition> comparisons = expected.stream().map(e -> new ComparisonDefinition(key(e), survey,
        e.get("outcome"), null, new ComparisonGroup(e.get("domain_1"), e.get("value_1")),
        new ComparisonGroup(e.get("domain_2"), e.get("value_2")),
        List.of(ComparisonMeasure.DIFFERENCE, ComparisonMeasure.RATIO), null, null)).toList();
    SparkSession spark = TestSpark.spark();
    SurveySettings settings = fixture.settings().surveys().get(survey);
    SurveyEstimation estimation = new SurveyEstimation(survey, 0, settings, fixture.settings().raking(),
        ReferenceFixture.classifications(), ReliabilitySettings.DEFAULT, TaylorVarianceReferenceTest.catalog(survey),
        comparisons, TaylorVarianceReferenceTest.codebook(survey));
    WeightedSample sample = estimation.weigh(TaylorVarianceReferenceTest.rows(spark, fixture, survey),
        fixture.register(settings.population()));
    Map<String, Row> actual = new HashMap<>();
    for (Row r : estimation.comparisons(sample).collectAsList()) {
      actual.put(r.getAs("comparison_id"), r);
    }
    assertThat(actual).hasSize(expected.size());
    for (Map<String, String> e : expected) {
      String key = key(e);
      Row r = actual.get(key);
      assertThat(r).as("comparison %s", key).isNotNull();
      relative(r.getAs("estimate_first"), e.get("estimate_1"), 1e-9, "first estimate of " + key);
      relative(r.getAs("estimate_second"), e.get("estimate_2"), 1e-9, "second estimate of " + key);
      relative(r.getAs("difference"), e.get("difference"), 1e-9, "difference of " + key);
      relative(r.getAs("ratio"), e.get("ratio"), 1e-9, "ratio of " + key);
      relative(r.getAs("covariance"), e.get("covariance"), 1e-6, "covariance of " + key);
      relative(r.getAs("se_difference"), e.get("se_difference"), 1e-7, "SE of the difference of " + key);
      relative(r.getAs("se_ratio"), e.get("se_ratio"), 1e-7, "SE of the ratio of " + key);
      relative(r.getAs("difference_ci_low"), e.get("difference_ci_low"), 1e-7, "difference CI low of " + key);
      relative(r.getAs("difference_ci_high"), e.get("difference_ci_high"), 1e-7, "difference CI high of " + key);
      relative(r.getAs("ratio_ci_low"), e.get("ratio_ci_low"), 1e-7, "ratio CI low of " + key);
      relative(r.getAs("ratio_ci_high"), e.get("ratio_ci_high"), 1e-7, "ratio CI high of " + key);
      relative(r.getAs("difference_p"), e.get("difference_p"), 1e-5, "p of the difference of " + key);
      relative(r.getAs("ratio_p"), e.get("ratio_p"), 1e-5, "p of the ratio of " + key);
      relative(r.getAs("difference_p_adjusted"), e.get("difference_p_adjusted"), 1e-5,
          "adjusted p of the difference of " + key);
      relative(r.getAs("ratio_p_adjusted"), e.get("ratio_p_adjusted"), 1e-5, "adjusted p of the ratio of " + key);
    }
  }

  private static String key(Map<String, String> e) {
    return String.join("/", e.get("outcome"), e.get("domain_1"), e.get("value_1"), e.get("domain_2"),
        e.get("value_2"));
  }
}
