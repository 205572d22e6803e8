package dk.barometer.weighting;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.ReplicateWeightsSettings;
import dk.barometer.config.SurveySettings;
import dk.barometer.testing.ReferenceFixture;
import dk.barometer.testing.TestSpark;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The replicate weights equal R {@code survey}'s to 1e-9 relative: the same bootstrap multipliers
 * (src/test/resources/replicates/multipliers.csv, drawn by src/test/r/replicate_reference.R) through
 * {@code svrepdesign(type = "bootstrap", combined.weights = FALSE)} and {@code calibrate(calfun = "raking")} to the
 * margins of the weighting fixture {@code collapse}, with its collapse rules; and for the fixture {@code trimming}
 * (replicates/trimming/), each replicate then trimmed under the full sample's cap as {@code trimWeights(strict =
 * TRUE)} trims the replicate's resample, where a respondent of multiplier m stands for m copies, and raked again
 * until no copy's weight exceeds the cap.
 */
class ReplicateReferenceTest {
  private static final double RELATIVE = 1e-9;
  private static final int REPLICATES = 20;

  @ParameterizedTest
  @CsvSource({"collapse, employer", "collapse, employee", "trimming, employer", "trimming, employee"})
  void replicateWeightsEqualR(String fixture, String survey) {
    ReferenceFixture reference = ReferenceFixture.load(ReferenceFixture.WEIGHTING.resolve(fixture));
    Path fromRDir = fixture.equals("collapse") ? ReferenceFixture.REPLICATES
        : ReferenceFixture.REPLICATES.resolve(fixture);
    SparkSession spark = TestSpark.spark();
    Dataset<Row> respondents = spark.read().option("header", "true")
        .csv(reference.dir().resolve("respondents.csv").toString())
        .where(col("survey").equalTo(survey))
        .withColumn("respondent_id", col("respondent_id").cast("bigint"));
    SurveySettings settings = reference.settings().surveys().get(survey);
    WeightedSample sample = new SurveyWeighting(survey, settings, reference.settings().raking(),
        ReferenceFixture.classifications())
        .weigh(0, respondents, reference.register(settings.population()));
    Column[] multipliers = IntStream.rangeClosed(1, REPLICATES).mapToObj(r -> col("m" + r).cast("double"))
        .toArray(Column[]::new);
    Dataset<Row> fromR = spark.read().option("header", "true")
        .csv(fromRDir.resolve("multipliers.csv").toString())
        .where(col("survey").equalTo(survey))
        .select(col("respondent_id").cast("bigint").as("respondent_id"),
            array(multipliers).as(BootstrapMultipliers.MULTIPLIERS));
    ReplicateWeighting weighting = new ReplicateWeighting(survey, settings, reference.settings().raking(),
        ReferenceFixture.classifications(), new ReplicateWeightsSettings(REPLICATES, 0));

    List<Row> actual = weighting.calibrated(sample.rows().join(fromR, "respondent_id"), sample.calibration(),
            reference.register(settings.population()), REPLICATES)
        .select("respondent_id", ReplicateWeighting.REPLICATE_WEIGHTS).collectAsList();

    Map<Long, double[]> expected = expected(fromRDir, survey);
    assertThat(actual).hasSize(expected.size());
    for (Row row : actual) {
      double[] e = expected.get(row.getLong(0));
      List<Double> weights = row.getList(1);
      assertThat(weights).hasSize(REPLICATES);
      for (int r = 0; r < REPLICATES; r++) {
        assertThat(Math.abs(weights.get(r) - e[r])).as("%s %s respondent %s replicate %s: %s vs R %s", fixture,
            survey, row.getLong(0), r + 1, weights.get(r), e[r]).isLessThanOrEqualTo(RELATIVE * Math.abs(e[r]));
      }
    }
  }

  private static Map<Long, double[]> expected(Path dir, String survey) {
    Map<Long, double[]> expected = new HashMap<>();
    for (Map<String, String> row : ReferenceFixture.csv(dir.resolve("expected.csv"))) {
      if (row.get("survey").equals(survey)) {
        expected.put(Long.parseLong(row.get("respondent_id")), IntStream.rangeClosed(1, REPLICATES)
            .mapToDouble(r -> Double.parseDouble(row.get("w" + r))).toArray());
      }
    }
    return expected;
  }
}
