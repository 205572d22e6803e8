package dk.barometer.weighting;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.ReplicateWeightsSettings;
import dk.barometer.config.SurveySettings;
import dk.barometer.ingest.RegisterMargins;
import dk.barometer.testing.ReferenceFixture;
import dk.barometer.testing.TestSpark;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every replicate reproduces every register margin, after the collapse rules; with trimming, no respondent's
 * replicate weight over its multiplier exceeds the full sample's cap.
 */
class ReplicateWeightingTest {
  private static final int REPLICATES = 30;

  @ParameterizedTest
  @CsvSource({"collapse, employer", "collapse, employee", "oversampled, employer", "oversampled, employee",
      "trimming, employer", "trimming, employee"})
  void everyReplicateReproducesEveryRegisterMargin(String fixture, String survey) {
    ReferenceFixture reference = ReferenceFixture.load(ReferenceFixture.WEIGHTING.resolve(fixture));
    SurveySettings settings = reference.settings().surveys().get(survey);
    RegisterMargins register = reference.register(settings.population());
    Dataset<Row> replicates = replicates(reference, survey)
        .select(col("*"), posexplode(col(ReplicateWeighting.REPLICATE_WEIGHTS)).as(new String[] {"r", "w"}));

    for (String margin : settings.margins()) {
      Map<String, Double> target = settings.collapsed(margin, register.margin(settings.population(), margin));
      double total = RegisterMargins.total(target);
      for (String category : target.keySet()) {
        Dataset<Row> inCategory = replicates.where(col(margin).isin(codesOf(settings, margin, category)));
        var sums = inCategory.groupBy("r").agg(sum("w")).collectAsList();
        assertThat(sums).as("%s %s: replicates with %s %s", fixture, survey, margin, category).hasSize(REPLICATES);
        for (Row s : sums) {
          assertThat(Math.abs(s.getDouble(1) - target.get(category))).as("%s %s replicate %s: %s %s", fixture,
              survey, s.getInt(0) + 1, margin, category).isLessThanOrEqualTo(1e-9 * total);
        }
      }
    }
  }

  /**
   * The cap is R's: the largest final weight of the full sample in the fixture's expected_summary.csv, where some
   * weights are at the cap. Without the trimming, copies would weigh up to several times the cap.
   */
  @ParameterizedTest
  @CsvSource({"employer", "employee"})
  void underTrimmingNoCopyOfARespondentWeighsMoreThanTheFullSamplesCap(String survey) {
    ReferenceFixture reference = ReferenceFixture.load(ReferenceFixture.WEIGHTING.resolve("trimming"));
    double cap = ReferenceFixture.csv(reference.dir().resolve("expected_summary.csv")).stream()
        .filter(row -> row.get("survey").equals(survey)).mapToDouble(row -> Double.parseDouble(row.get("max_weight")))
        .findFirst().orElseThrow();

    Row perCopy = replicates(reference, survey)
        .select(posexplode(col(ReplicateWeighting.REPLICATE_WEIGHTS)).as(new String[] {"r", "w"}),
            col(BootstrapMultipliers.MULTIPLIERS))
        .select(col("w").divide(element_at(col(BootstrapMultipliers.MULTIPLIERS), col("r").plus(1))).as("copy"))
        .agg(max("copy"), sum(when(col("copy").geq(cap * (1 - 1e-9)), 1).otherwise(0))).first();

    assertThat(perCopy.getDouble(0)).as("%s: largest replicate weight per unit of multiplier", survey)
        .isLessThanOrEqualTo(cap * (1 + 1e-9));
    assertThat(perCopy.getLong(1)).as("%s: respondent-replicates at the cap %s", survey, cap).isPositive();
  }

  private static Dataset<Row> replicates(ReferenceFixture reference, String survey) {
    Dataset<Row> respondents = TestSpark.spark().read().option("header", "true")
        .csv(reference.dir().resolve("respondents.csv").toString())
        .where(col("survey").equalTo(survey))
        .withColumn("respondent_id", col("respondent_id").cast("bigint"));
    SurveySettings settings = reference.settings().surveys().get(survey);
    RegisterMargins register = reference.register(settings.population());
    WeightedSample sample = new SurveyWeighting(survey, settings, reference.settings().raking(),
        ReferenceFixture.classifications()).weigh(0, respondents, register);
    return new ReplicateWeighting(survey, settings, reference.settings().raking(),
        ReferenceFixture.classifications(), new ReplicateWeightsSettings(REPLICATES, 42))
        .weigh(sample, register, java.util.function.UnaryOperator.identity());
  }

  /** The respondents' codes that the collapse rules merge into {@code category}, and the category itself. */
  private static Object[] codesOf(SurveySettings settings, String margin, String category) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(category),
        settings.collapseOf(margin).entrySet().stream().filter(e -> e.getValue().equals(category))
            .map(Map.Entry::getKey)).toArray();
  }
}
