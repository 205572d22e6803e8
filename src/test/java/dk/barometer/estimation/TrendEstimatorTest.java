package dk.barometer.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.barometer.testing.ReferenceFixture;
import dk.barometer.testing.TestSpark;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Changes between waves against hand-computed values (p-values from erfc, computed outside the project) and against
 * R's p-values and Benjamini-Hochberg adjustment.
 */
class TrendEstimatorTest {
  private static final StructType INDICATORS = new StructType()
      .add("wave", DataTypes.IntegerType).add("survey", DataTypes.StringType)
      .add("indicator_id", DataTypes.StringType).add("domain", DataTypes.StringType)
      .add("domain_value", DataTypes.StringType).add("category", DataTypes.StringType)
      .add("estimate", DataTypes.DoubleType).add("se", DataTypes.DoubleType).add("base_n", DataTypes.LongType)
      .add("reliability", DataTypes.StringType).add("series_break", DataTypes.StringType)
      .add("unweighted_estimate", DataTypes.DoubleType);

  private static Row estimate(int wave, String indicator, double p, double se, String seriesBreak) {
    return RowFactory.create(wave, "employer", indicator, "total", "all", "yes", p, se, 1000L, "ok", seriesBreak,
        p);
  }

  private static Dataset<Row> trends(List<Row> rows) {
    return new TrendEstimator().trends(TestSpark.spark().createDataFrame(rows, INDICATORS));
  }

  private static Row only(Dataset<Row> trends, String indicator, int wave) {
    List<Row> rows = trends.where("indicator_id = '" + indicator + "' AND wave = " + wave).collectAsList();
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @Test
  void changeItsStandardErrorAndTwoSidedPValue() {
    Dataset<Row> trends = trends(List.of(
        estimate(2025, "uses_ai", 0.40, 0.02, null), estimate(2026, "uses_ai", 0.46, 0.03, null),
        estimate(2025, "implemented", 0.35, 0.01, null), estimate(2026, "implemented", 0.30, 0.012, null)));

    // 6 points; SE 100 sqrt(0.02^2 + 0.03^2) = 3.6056; z = 1.6641; p = erfc(z / sqrt 2) = 0.09609: not significant.
    Row usesAi = only(trends, "uses_ai", 2026);
    assertThat(usesAi.<Integer>getAs("previous_wave")).isEqualTo(2025);
    assertThat(usesAi.<Double>getAs("change_points")).isCloseTo(6.0, within(1e-9));
    assertThat(usesAi.<Double>getAs("se_change_points")).isCloseTo(3.605551275463989, within(1e-9));
    assertThat(usesAi.<Double>getAs("z")).isCloseTo(1.6641005886756874, within(1e-9));
    assertThat(usesAi.<Double>getAs("p_value")).isCloseTo(0.0960923294556733, within(1e-12));
    assertThat(usesAi.<Boolean>getAs("significant")).isFalse();

    // -5 points; SE 1.5620; z = -3.2009; p = 0.0013699: significant.
    Row implemented = only(trends, "implemented", 2026);
    assertThat(implemented.<Double>getAs("change_points")).isCloseTo(-5.0, within(1e-9));
    assertThat(implemented.<Double>getAs("p_value")).isCloseTo(0.0013698861047725327, within(1e-12));
    assertThat(implemented.<Boolean>getAs("significant")).isTrue();
  }

  /**
   * p_value and the Benjamini-Hochberg p_adjusted per survey and wave pair equal R's {@code 2 pnorm(-|z|)} and
   * {@code p.adjust(method = "BH")} (src/test/r/trend_reference.R): a tie, a null p (se 0) left out of the family's
   * m, a family of one, and a change significant before the adjustment only.
   */
  @Test
  void adjustedPValuesEqualRsPAdjustPerWavePair() {
    Path dir = Path.of(System.getProperty("barometer.home", ".")).resolve("src/test/resources/trends");
    List<Row> input = ReferenceFixture.csv(dir.resolve("indicators.csv")).stream()
        .map(r -> RowFactory.create(Integer.parseInt(r.get("wave")), r.get("survey"), r.get("indicator_id"), "total",
            "all", "yes", Double.parseDouble(r.get("estimate")), Double.parseDouble(r.get("se")), 1000L, "ok", null,
            Double.parseDouble(r.get("estimate"))))
        .toList();
    Map<String, Row> actual = new HashMap<>();
    for (Row r : trends(input).collectAsList()) {
      actual.put(String.join("/", r.<String>getAs("survey"), r.getAs("indicator_id"),
          String.valueOf(r.<Integer>getAs("previous_wave")), String.valueOf(r.<Integer>getAs("wave"))), r);
    }
    List<Map<String, String>> expected = ReferenceFixture.csv(dir.resolve("expected_trends.csv"));
    assertThat(actual).hasSameSizeAs(expected);
    boolean rawOnly = false;
    for (Map<String, String> e : expected) {
      String key = String.join("/", e.get("survey"), e.get("indicator_id"), e.get("previous_wave"), e.get("wave"));
      Row r = actual.get(key);
      assertThat(r).as(key).isNotNull();
      if (e.get("p_value").isEmpty()) {
        assertThat(r.<Double>getAs("p_value")).as("p of %s", key).isNull();
        assertThat(r.<Double>getAs("p_adjusted")).as("adjusted p of %s", key).isNull();
        assertThat(r.<Boolean>getAs("significant_adjusted")).as("significant_adjusted of %s", key).isNull();
        continue;
      }
      double p = Double.parseDouble(e.get("p_value"));
      double adjusted = Double.parseDouble(e.get("p_adjusted"));
      assertThat(r.<Double>getAs("p_value")).as("p of %s", key).isCloseTo(p, within(1e-12 * p));
      assertThat(r.<Double>getAs("p_adjusted")).as("adjusted p of %s", key).isCloseTo(adjusted, within(1e-12 * adjusted));
      assertThat(r.<Boolean>getAs("significant")).as("significant of %s", key).isEqualTo(p < 0.05);
      assertThat(r.<Boolean>getAs("significant_adjusted")).as("significant_adjusted of %s", key)
          .isEqualTo(adjusted < 0.05);
      rawOnly |= p < 0.05 && adjusted >= 0.05;
    }
    assertThat(rawOnly).as("a change significant before the adjustment only").isTrue();
  }

  @Test
  void anEstimateInOneWaveHasNoTrendAndAGapComparesWithTheLastWaveThatHasIt() {
    Dataset<Row> trends = trends(List.of(
        estimate(2026, "uses_ai_agents", 0.12, 0.01, null),
        estimate(2025, "no_competence_strategy", 0.92, 0.01, null),
        estimate(2025, "maturity_share", 0.30, 0.02, null), estimate(2027, "maturity_share", 0.36, 0.02, null)));

    assertThat(trends.where("indicator_id IN ('uses_ai_agents', 'no_competence_strategy')").count()).isZero();
    Row gap = only(trends, "maturity_share", 2027);
    assertThat(gap.<Integer>getAs("previous_wave")).isEqualTo(2025);
    assertThat(gap.<Double>getAs("change_points")).isCloseTo(6.0, within(1e-9));
  }

  @Test
  void aRewordedQuestionFlagsTheChangeAsASeriesBreak() {
    Dataset<Row> trends = trends(List.of(
        estimate(2025, "wants_upskilling", 0.63, 0.02, null),
        estimate(2026, "wants_upskilling", 0.55, 0.02, "wants_upskilling: reworded in 2026")));
    Row row = only(trends, "wants_upskilling", 2026);
    assertThat(row.<Boolean>getAs("series_break")).isTrue();
    assertThat(row.<String>getAs("break_reason")).isEqualTo("wants_upskilling: reworded in 2026");
  }
}
