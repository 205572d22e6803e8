package dk.barometer.estimation;

import static org.apache.spark.sql.functions.expr;
import static org.assertj.core.api.Assertions.assertThat;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.IndicatorCatalog;
import dk.barometer.testing.DataFrameAssert;
import dk.barometer.testing.TestSpark;
import dk.barometer.testing.WaveFixture;
import dk.barometer.weighting.WeightedSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The composite indicator rules on four firms with weights 1, 2, 3, 4, computed by hand. */
class IndicatorEstimatorTest {
  private final BarometerConfig config = BarometerConfig.load(TestSpark.confDir());

  private static Map<String, Integer> answers(Object... pairs) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Integer) pairs[i + 1]);
    }
    return m;
  }

  /**
   * Firm 1 (w 1, accelerator): strategy 1 and tools 2 are barriers; sales 4 (value), innovation 3.
   * Firm 2 (w 2, front-runner): strategy 3, tools 9 ('Ved ikke'); sales 9, innovation 5 (value).
   * Firm 3 (w 3, practitioner): strategy 2 (barrier); sales 2, innovation 2.
   * Firm 4 (w 4, accelerator): strategy 9, tools 9; no value answers.
   * The six other prerequisites and seven other value areas are unanswered.
   */
  private Dataset<Row> estimates(String catalogYaml) throws IOException {
    WaveFixture f = new WaveFixture(TestSpark.spark(), config, 2025)
        .respondent("employer", 1, List.of("J", "1084", "micro", "private"), answers("ai_maturity", 4,
            "prereq_strategy", 1, "prereq_tools", 2, "value_sales", 4, "value_innovation", 3))
        .respondent("employer", 2, List.of("J", "1084", "micro", "private"), answers("ai_maturity", 5,
            "prereq_strategy", 3, "prereq_tools", 9, "value_sales", 9, "value_innovation", 5))
        .respondent("employer", 3, List.of("J", "1084", "micro", "private"), answers("ai_maturity", 3,
            "prereq_strategy", 2, "value_sales", 2, "value_innovation", 2))
        .respondent("employer", 4, List.of("J", "1084", "micro", "private"), answers("ai_maturity", 4,
            "prereq_strategy", 9, "prereq_tools", 9));
    Dataset<Row> rows = f.responses("employer").withColumn("weight", expr("CAST(respondent_id AS DOUBLE)"))
        .withColumn("design_weight", expr("weight")).withColumn("weighting_cell", expr("'one'"));
    Path file = TestSpark.tempDir("catalog").resolve("indicators.yaml");
    Files.writeString(file, catalogYaml);
    return new IndicatorEstimator(IndicatorCatalog.load(file), config.codebook(2025))
        .estimate(new WeightedSample("employer", 2025, rows, null, null))
        .select("indicator_id", "domain", "domain_value", "category", "estimate", "base_weighted", "base_n");
  }

  private static final String DOMAINS = """
      version: test
      domains:
        total: {}
        maturity:
          groups:
            - {value: accelerator_or_front_runner, where: "ai_maturity IN (4, 5)", da: a, en: a}
            - {value: front_runner, where: "ai_maturity = 5", da: f, en: f}
      indicators:
      """;

  @Test
  void atLeastOneBarrierCountsRespondentsWithAnyValidAnswer() throws IOException {
    Dataset<Row> result = estimates(DOMAINS + """
          - {id: any_barrier, survey: employer, type: any, questions: [prereq_strategy, prereq_tools],
             success: [1, 2], da: x, en: x, domains: [total, maturity]}
        """);
    // Base: firms 1, 2, 3 (firm 4 answered 'Ved ikke' to both) = 1 + 2 + 3 = 6; success: firms 1 and 3 = 4.
    // Accelerators or front-runners (overlapping group): firms 1, 2 (4 is out of the base) = 3; success firm 1.
    // Front-runners: firm 2 only, no barrier.
    DataFrameAssert.assertRowsEqual(result, List.of(
        List.of("any_barrier", "total", "all", "yes", 4.0 / 6, 6.0, 3L),
        List.of("any_barrier", "maturity", "accelerator_or_front_runner", "yes", 1.0 / 3, 3.0, 2L),
        List.of("any_barrier", "maturity", "front_runner", "yes", 0.0, 2.0, 1L)), 1e-12);
  }

  @Test
  void barrierItemsAreEachOnTheirOwnValidAnswers() throws IOException {
    Dataset<Row> result = estimates(DOMAINS + """
          - {id: barrier, survey: employer, type: items, questions: [prereq_strategy, prereq_tools],
             success: [1, 2], da: x, en: x, domains: [total]}
        """);
    // Strategy: valid for firms 1, 2, 3 (w 6), barrier for 1 and 3 (w 4). Tools: valid for firm 1 only, a barrier.
    DataFrameAssert.assertRowsEqual(result, List.of(
        List.of("barrier", "total", "all", "prereq_strategy", 4.0 / 6, 6.0, 3L),
        List.of("barrier", "total", "all", "prereq_tools", 1.0, 1.0, 1L)), 1e-12);
  }

  @Test
  void shareOfTotalIsEachBarriersWeightAmongAllBarriers() throws IOException {
    Dataset<Row> result = estimates(DOMAINS + """
          - {id: barrier_share, survey: employer, type: share_of_total, questions: [prereq_strategy, prereq_tools],
             success: [1, 2], da: x, en: x, domains: [total]}
        """);
    // Barriers reported: firm 1 two (w 1 each), firm 3 one (w 3): weighted total 1 * 2 + 3 * 1 = 5.
    // Strategy: firms 1 and 3 = 4 of 5; tools: firm 1 = 1 of 5. Base n: the two firms with a barrier.
    DataFrameAssert.assertRowsEqual(result, List.of(
        List.of("barrier_share", "total", "all", "prereq_strategy", 0.8, 5.0, 2L),
        List.of("barrier_share", "total", "all", "prereq_tools", 0.2, 5.0, 2L)), 1e-12);
  }

  @Test
  void economicAndOtherValueAreAnyOverTheirOwnAreas() throws IOException {
    Dataset<Row> result = estimates(DOMAINS + """
          - {id: economic_value, survey: employer, type: any, questions: [value_sales], success: [4, 5],
             da: x, en: x, domains: [total]}
          - {id: other_value, survey: employer, type: any, questions: [value_innovation], success: [4, 5],
             da: x, en: x, domains: [total]}
        """);
    // Economic (sales): valid for firms 1 (4) and 3 (2), firm 2 said 'Ved ikke': base 1 + 3, success firm 1.
    // Other (innovation): valid for firms 1 (3), 2 (5), 3 (2): base 6, success firm 2 (w 2).
    DataFrameAssert.assertRowsEqual(result, List.of(
        List.of("economic_value", "total", "all", "yes", 0.25, 4.0, 2L),
        List.of("other_value", "total", "all", "yes", 2.0 / 6, 6.0, 3L)), 1e-12);
  }

  @Test
  void theNumberOfSparkJobsDoesNotGrowWithTheIndicators() throws IOException {
    String one = DOMAINS + """
          - {id: any_barrier, survey: employer, type: any, questions: [prereq_strategy, prereq_tools],
             success: [1, 2], da: x, en: x, domains: [total, maturity]}
        """;
    String many = one + """
          - {id: barrier, survey: employer, type: items, questions: [prereq_strategy, prereq_tools],
             success: [1, 2], da: x, en: x, domains: [total, maturity]}
          - {id: barrier_share, survey: employer, type: share_of_total, questions: [prereq_strategy, prereq_tools],
             success: [1, 2], da: x, en: x, domains: [total]}
          - {id: maturity, survey: employer, type: distribution, question: ai_maturity, da: x, en: x,
             domains: [total, maturity]}
          - {id: economic_value, survey: employer, type: any, questions: [value_sales], success: [4, 5],
             da: x, en: x, domains: [total]}
        """;
    assertThat(jobs(many, "many")).isEqualTo(jobs(one, "one"));
  }

  private int jobs(String catalog, String group) throws IOException {
    Dataset<Row> result = estimates(catalog);
    TestSpark.spark().sparkContext().setJobGroup(group, group, false);
    try {
      result.collectAsList();
      return TestSpark.jobsOf(group);
    } finally {
      TestSpark.spark().sparkContext().clearJobGroup();
    }
  }
}
