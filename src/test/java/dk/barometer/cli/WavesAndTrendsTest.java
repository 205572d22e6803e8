package dk.barometer.cli;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.barometer.testing.DemoInputs;
import dk.barometer.testing.DemoWarehouse;
import dk.barometer.testing.QueryZones;
import dk.barometer.testing.TestSpark;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two demo waves whose codebooks differ (conf/codebook/2026.yaml: a new question, a reworded one, a recoded scale,
 * a dropped question), run and compared: the indicators speak in concepts, a concept a wave did not ask has no
 * estimate in that wave, and the reworded one is flagged as a break in the trends.
 */
class WavesAndTrendsTest {
  private static SparkSession spark;
  private static Path input;
  private static Dataset<Row> indicators;
  private static Dataset<Row> trends;
  private static Warehouse warehouse;

  @BeforeAll
  static void runTwoWaves() {
    spark = TestSpark.spark();
    input = DemoInputs.with(2025, 2026);
    warehouse = DemoWarehouse.withTrends();
    indicators = warehouse.read(Table.INDICATORS).cache();
    trends = warehouse.read(Table.TRENDS).cache();
  }

  private static long estimates(int wave, String survey, String indicator) {
    return indicators.where(col("wave").equalTo(wave).and(col("survey").equalTo(survey))
        .and(col("indicator_id").equalTo(indicator))).count();
  }

  @Test
  void aDroppedQuestionHasNoEstimateInTheWaveThatDroppedIt() {
    assertThat(estimates(2025, "employer", "no_competence_strategy")).isPositive();
    assertThat(estimates(2026, "employer", "no_competence_strategy")).isZero();
    assertThat(trends.where("indicator_id = 'no_competence_strategy'").count()).isZero();
  }

  @Test
  void aNewQuestionHasNoEstimateBeforeItWasAsked() {
    assertThat(estimates(2025, "employer", "uses_ai_agents")).isZero();
    assertThat(estimates(2026, "employer", "uses_ai_agents")).isPositive();
  }

  @Test
  void aRecodedScaleIsEstimatedOnTheConceptsCodes() {
    // 2026 asks 'upskilled' as 0 no / 1 yes / 8 don't know; the concept keeps 1 yes / 2 no / 9 don't know.
    Row raw = spark.read().parquet(input.resolve("employee").resolve("wave=2026").toString())
        .selectExpr("sum(CASE WHEN upskilled = 1 THEN 1 ELSE 0 END)", "sum(CASE WHEN upskilled IN (0, 1) THEN 1 "
            + "ELSE 0 END)").first();
    Row upskilled = indicators.where("wave = 2026 AND survey = 'employee' AND indicator_id = 'upskilled' AND "
        + "domain = 'total'").first();
    assertThat(upskilled.<Long>getAs("base_n")).isEqualTo(raw.getLong(1));
    assertThat(upskilled.<Double>getAs("unweighted_estimate")).isCloseTo((double) raw.getLong(0) / raw.getLong(1),
        within(1e-12));
    // The responses table holds the concept's codes for both waves.
    List<Row> codes = warehouse.read(Table.RESPONSES_EMPLOYEE).groupBy("wave").agg(
        org.apache.spark.sql.functions.collect_set("upskilled")).orderBy("wave").collectAsList();
    assertThat(codes.get(0).getList(1)).containsExactlyInAnyOrderElementsOf(codes.get(1).getList(1));
  }

  @Test
  void aRewordedQuestionKeepsItsConceptAndIsFlaggedAsABreak() {
    Row trend = trends.where("survey = 'employee' AND indicator_id = 'wants_upskilling' AND domain = 'total'")
        .first();
    assertThat(trend.<Integer>getAs("previous_wave")).isEqualTo(2025);
    assertThat(trend.<Boolean>getAs("series_break")).isTrue();
    assertThat(trend.<String>getAs("break_reason")).startsWith("wants_upskilling: reworded in 2026");
    assertThat(trends.where("survey = 'employer' AND indicator_id = 'uses_ai' AND series_break").count()).isZero();
  }

  @Test
  void everyEstimateOfBothWavesHasATrendRowWithItsTest() {
    long inBoth = indicators.where("wave = 2025").select("survey", "indicator_id", "domain", "domain_value",
        "category").intersect(indicators.where("wave = 2026").select("survey", "indicator_id", "domain",
        "domain_value", "category")).count();
    assertThat(trends.count()).isEqualTo(inBoth);
    assertThat(trends.where("p_value IS NULL AND se_change_points > 0").count()).isZero();
    // The Benjamini-Hochberg p is null exactly where p is, never below it nor above 1, so it marks fewer changes.
    assertThat(trends.where("(p_value IS NULL) <> (p_adjusted IS NULL) OR p_adjusted < p_value OR p_adjusted > 1")
        .count()).isZero();
    assertThat(trends.where("significant_adjusted AND NOT significant").count()).isZero();
    assertThat(trends.where("significant AND NOT significant_adjusted").count()).isPositive();
  }

  /**
   * A warehouse whose trends table was written before the adjusted p-value: v_trends still opens, with the adjusted
   * columns null, and the next trends run rewrites the table with them (the table's schema is replaced).
   */
  @Test
  void aTrendsTableWrittenBeforeTheAdjustedPValueStillOpensAndTheNextTrendsRunAddsIt() {
    Warehouse old = new Warehouse(spark, TestSpark.tempDir("trends-before-adjustment").toString());
    old.replace(Table.INDICATORS, indicators);
    old.replace(Table.TRENDS, trends.drop("p_adjusted", "significant_adjusted"));
    try {
      QueryZones.register(old);
      assertThat(spark.sql("SELECT * FROM v_trends WHERE p_adjusted IS NOT NULL OR significant_adjusted IS NOT NULL")
          .count()).isZero();
      TrendsCommand.writeTrends(old, new PrintStream(OutputStream.nullOutputStream()));
      assertThat(old.read(Table.TRENDS).columns()).contains("p_adjusted", "significant_adjusted");
      QueryZones.register(old);
      assertThat(spark.sql("SELECT * FROM v_trends WHERE p_value IS NOT NULL AND p_adjusted IS NULL").count())
          .isZero();
      assertThat(spark.sql("SELECT * FROM v_trends").count()).isPositive();
    } finally {
      QueryZones.drop();
    }
  }

  @Test
  void labelledViewsSpeakInLabelsAndHideSuppressedEstimates() {
    List<String> views = QueryZones.register(warehouse);
    try {
      assertThat(views).contains("v_indicators", "v_trends", "microdata.v_responses_employee",
          "microdata.v_responses_employee_da");
      Row byLabel = spark.sql("SELECT pct, ci_low_pct, ci_high_pct, category_da, se_bootstrap_pct FROM v_indicators "
          + "WHERE wave = 2025 "
          + "AND indicator_en = 'Uses AI (explorer to front-runner)' AND domain_value_en = 'All'").first();
      Row stored = indicators.where("wave = 2025 AND survey = 'employer' AND indicator_id = 'uses_ai' AND domain = "
          + "'total'").first();
      assertThat(byLabel.getDouble(0)).isEqualTo(Math.round(1000 * stored.<Double>getAs("estimate")) / 10.0);
      assertThat(byLabel.getDouble(1)).isLessThan(byLabel.getDouble(0));
      assertThat(byLabel.getDouble(2)).isGreaterThan(byLabel.getDouble(0));
      assertThat(byLabel.getString(3)).isEqualTo("Ja");
      assertThat(byLabel.getDouble(4)).isEqualTo(Math.round(10000 * stored.<Double>getAs("se_bootstrap")) / 100.0);

      long shown = spark.sql("SELECT * FROM v_indicators").count();
      assertThat(shown).isEqualTo(indicators.where("reliability <> 'suppressed'").count());
      assertThat(indicators.where("reliability = 'suppressed'").count()).isPositive();
      assertThat(spark.sql("SELECT * FROM v_indicators WHERE category_en IS NULL OR indicator_en IS NULL "
          + "OR domain_value_en IS NULL").count()).isZero();

      Row maturity = spark.sql("SELECT category_en, domain_value_da FROM v_indicators WHERE wave = 2026 AND "
          + "indicator_id = 'maturity' AND domain = 'size_class' AND domain_value = 'large' AND category = '5'")
          .first();
      assertThat(maturity.getString(0)).isEqualTo("AI front-runner");
      assertThat(maturity.getString(1)).isEqualTo("Store (250+ ansatte)");

      assertThat(spark.sql("SELECT series_break FROM v_trends WHERE indicator_id = 'wants_upskilling' AND domain = "
          + "'total'").first().getBoolean(0)).isTrue();
      // Both waves' 'upskilled' answers read as the concept's labels, whatever codes the wave used.
      List<Row> answers = spark.sql("SELECT DISTINCT wave, upskilled FROM microdata.v_responses_employee ORDER BY 1, 2")
          .collectAsList();
      assertThat(answers).extracting(r -> r.getString(1)).containsOnly("Yes", "No", "Don't know");
      assertThat(answers).extracting(r -> r.getInt(0)).contains(2025, 2026);
      assertThat(spark.sql("SELECT DISTINCT size_class FROM microdata.v_responses_employee_da")
          .collectAsList())
          .extracting(r -> r.getString(0)).contains("Store (250+ ansatte)");
    } finally {
      QueryZones.drop();
    }
  }
}
