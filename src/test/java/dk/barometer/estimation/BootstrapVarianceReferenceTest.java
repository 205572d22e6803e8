package dk.barometer.estimation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.ReliabilitySettings;
import dk.barometer.config.SurveySettings;
import dk.barometer.pipeline.SurveyEstimation;
import dk.barometer.testing.ReferenceFixture;
import dk.barometer.testing.TestSpark;
import dk.barometer.weighting.ReplicateWeighting;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The bootstrap standard errors of the indicators equal R {@code survey}'s on a bootstrap replicate design
 * ({@code svrepdesign(type = "bootstrap")}, {@code svymean} on the valid answers of a domain): the replicate weights
 * are R's calibrated replicates of the fixture {@code collapse}, the answers have item non-response and one
 * indicator a base_where; expected values from src/test/r/bootstrap_se_reference.R.
 */
class BootstrapVarianceReferenceTest {
  private static final int REPLICATES = 20;

  @TestFactory
  Stream<DynamicTest> bootstrapStandardErrorsEqualR() {
    ReferenceFixture fixture = ReferenceFixture.load(ReferenceFixture.WEIGHTING.resolve("collapse"));
    return fixture.settings().surveys().keySet().stream().map(survey ->
        DynamicTest.dynamicTest(survey, () -> check(fixture, survey)));
  }

  private static void check(ReferenceFixture fixture, String survey) {
    SparkSession spark = TestSpark.spark();
    SurveySettings settings = fixture.settings().surveys().get(survey);
    SurveyEstimation estimation = new SurveyEstimation(survey, 0, settings, fixture.settings().raking(),
        ReferenceFixture.classifications(), ReliabilitySettings.DEFAULT,
        TaylorVarianceReferenceTest.catalog(survey), List.of(), TaylorVarianceReferenceTest.codebook(survey));
    Dataset<Row> rows = TaylorVarianceReferenceTest.rows(spark, fixture, survey);
    Column[] replicates = IntStream.rangeClosed(1, REPLICATES).mapToObj(r -> col("w" + r).cast("double"))
        .toArray(Column[]::new);
    Dataset<Row> replicateRows = rows.join(spark.read().option("header", "true")
            .csv(ReferenceFixture.REPLICATES.resolve("expected.csv").toString())
            .where(col("survey").equalTo(survey))
            .select(col("respondent_id").cast("bigint").as("respondent_id"),
                array(replicates).as(ReplicateWeighting.REPLICATE_WEIGHTS)),
        "respondent_id");
    Dataset<Row> estimates = estimation.withBootstrap(
        estimation.weighAndEstimate(rows, fixture.register(settings.population())),
        Optional.of(estimation.replicateSums(replicateRows)));
    Map<String, Row> actual = new HashMap<>();
    for (Row r : estimates.select("indicator_id", "domain", "domain_value", "base_n", "estimate",
        BootstrapVariance.SE_BOOTSTRAP).collectAsList()) {
      actual.put(String.join("/", r.getString(0), r.getString(1), r.getString(2)), r);
    }

    List<Map<String, String>> expected = ReferenceFixture.csv(
        ReferenceFixture.REPLICATES.resolve("expected_bootstrap_se.csv")).stream()
        .filter(e -> e.get("survey").equals(survey)).toList();
    assertThat(expected).hasSizeGreaterThan(30);
    for (Map<String, String> e : expected) {
      String key = String.join("/", e.get("outcome"), e.get("domain"), e.get("domain_value"));
      Row r = actual.get(key);
      assertThat(r).as("estimate %s", key).isNotNull();
      assertThat(r.getLong(3)).as("base n of %s", key).isEqualTo(Long.parseLong(e.get("n")));
      TaylorVarianceReferenceTest.relative(r.getDouble(4), e.get("estimate"), 1e-9, "estimate of " + key);
      TaylorVarianceReferenceTest.relative(r.getDouble(5), e.get("se_bootstrap"), 1e-9, "bootstrap SE of " + key);
    }
  }

  /** Without replicate weights the column is there, null. */
  @Test
  void withoutReplicatesTheBootstrapErrorIsNull() {
    SparkSession spark = TestSpark.spark();
    Dataset<Row> estimates = spark.sql("SELECT 'q1' AS indicator_id, 'total' AS domain, 'all' AS domain_value, "
        + "'yes' AS category, 0.4 AS estimate, 0.03 AS se, 0.3 AS ci_low");
    Dataset<Row> without = BootstrapVariance.withoutStandardError(estimates);
    assertThat(without.columns()).containsExactly("indicator_id", "domain", "domain_value", "category", "estimate",
        "se", BootstrapVariance.SE_BOOTSTRAP, "ci_low");
    assertThat(without.first().isNullAt(6)).isTrue();
  }
}
