package dk.barometer.weighting;

import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.RakingSettings;
import dk.barometer.config.SurveySettings;
import dk.barometer.ingest.RegisterMargins;
import dk.barometer.testing.ReferenceFixture;
import dk.barometer.testing.TestSpark;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Raking costs the same number of Spark jobs whatever the number of iterations: it iterates on cells. */
class RakingCostTest {
  private final SparkSession spark = TestSpark.spark();

  @Test
  void sparkJobsDoNotGrowWithIterations() {
    Dataset<Row> rows = spark.sql("SELECT id AS respondent_id, "
        + "CASE WHEN id % 10 < 4 THEN 'J' ELSE 'F' END AS industry, "
        + "CASE WHEN id % 10 < 3 OR id % 10 = 5 THEN '1084' ELSE '1082' END AS region, "
        + "CASE WHEN id % 7 = 0 THEN 'large' ELSE 'micro' END AS stratum FROM range(200)");
    // Industry and region are associated in the sample: 3 iterations reach 1e-2, 16 reach 1e-12.
    RegisterMargins register = new RegisterMargins(0, "test", Map.of("firms", Map.of(
        "stratum", Map.of("micro", 900.0, "large", 100.0),
        "industry", Map.of("J", 700.0, "F", 300.0),
        "region", Map.of("1084", 350.0, "1082", 650.0))), Map.of(), List.of("test"));

    Run loose = run(rows, register, 1e-2);
    Run tight = run(rows, register, 1e-12);
    assertThat(tight.iterations()).isGreaterThan(loose.iterations() + 5);
    assertThat(tight.jobs()).isEqualTo(loose.jobs());
  }

  private record Run(int iterations, int jobs) {}

  private Run run(Dataset<Row> rows, RegisterMargins register, double tolerance) {
    String group = "raking-" + tolerance;
    spark.sparkContext().setJobGroup(group, group, false);
    try {
      WeightedSample sample = new SurveyWeighting("employer",
          new SurveySettings("firms", "stratum", List.of("industry", "region")),
          new RakingSettings(tolerance, 100_000), ReferenceFixture.classifications()).weigh(0, rows, register);
      sample.rows().count();
      return new Run(sample.diagnostics().iterations(),
          TestSpark.jobsOf(group));
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }
}
