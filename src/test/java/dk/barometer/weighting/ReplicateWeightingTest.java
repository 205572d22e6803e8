package dk.barometer.weighting;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sum;
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

/** Every replicate reproduces every register margin, after the collapse rules. */
class ReplicateWeightingTest {
  private static final int REPLICATES = 30;

  @ParameterizedTest
  @CsvSource({"collapse, employer", "collapse, employee", "oversampled, employer", "oversampled, employee"})
  void everyReplicateReproducesEveryRegisterMargin(String fixture, String survey) {
    ReferenceFixture reference = ReferenceFixture.load(ReferenceFixture.WEIGHTING.resolve(fixture));
    Dataset<Row> respondents = TestSpark.spark().read().option("header", "true")
        .csv(reference.dir().resolve("respondents.csv").toString())
        .where(col("survey").equalTo(survey))
        .withColumn("respondent_id", col("respondent_id").cast("bigint"));
    SurveySettings settings = reference.settings().surveys().get(survey);
    RegisterMargins register = reference.register(settings.population());
    WeightedSample sample = new SurveyWeighting(survey, settings, reference.settings().raking(),
        ReferenceFixture.classifications()).weigh(0, respondents, register);

    Dataset<Row> replicates = new ReplicateWeighting(survey, settings, reference.settings().raking(),
        ReferenceFixture.classifications(), new ReplicateWeightsSettings(REPLICATES, 42))
        .weigh(sample, register, java.util.function.UnaryOperator.identity())
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

  /** The respondents' codes that the collapse rules merge into {@code category}, and the category itself. */
  private static Object[] codesOf(SurveySettings settings, String margin, String category) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(category),
        settings.collapseOf(margin).entrySet().stream().filter(e -> e.getValue().equals(category))
            .map(Map.Entry::getKey)).toArray();
  }
}
