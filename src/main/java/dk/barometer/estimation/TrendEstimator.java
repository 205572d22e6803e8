package dk.barometer.estimation;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import org.apache.commons.math3.special.Erf;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * Change between waves of every estimate present in two or more waves: each wave against the previous wave that has
 * the same estimate (survey, indicator, domain, value, category), with
 * <ul>
 *   <li>{@code change_points} = 100 (p_t - p_s);</li>
 *   <li>{@code se_change_points} = 100 sqrt(se_t^2 + se_s^2): the waves are independent samples;</li>
 *   <li>{@code z} = change / se_change and the two-sided p-value 2 (1 - Phi(|z|)) = erfc(|z| / sqrt 2);</li>
 *   <li>{@code significant}: p below 5 %, each change on its own;</li>
 *   <li>{@code p_adjusted}: the Benjamini-Hochberg adjusted p-value ({@link BenjaminiHochberg}) within
 *       the family of the change, every change of the survey between the same two waves (all indicators, domains
 *       and categories, reliable or not), which keeps the expected share of false ones among the changes called
 *       significant at 5 % or less; {@code significant_adjusted}: p_adjusted below 5 %, the one the views and the
 *       report mark;</li>
 *   <li>{@code series_break} where the later wave's estimate rests on a reworded question ({@code break_reason}):
 *       such a change may be the wording, not a trend.</li>
 * </ul>
 * A wave without the estimate (a concept not asked) has no row: it is never compared as zero.
 */
public final class TrendEstimator {
  public static final String TEST_METHOD = "z-test of the difference, independent samples, two-sided";
  public static final double SIGNIFICANCE_LEVEL = 0.05;

  private static final String[] KEYS = {"survey", "indicator_id", "domain", "domain_value", "category"};
  /** The changes adjusted together: one survey between the same two waves. */
  private static final WindowSpec FAMILY = Window.partitionBy(col("survey"), col("previous_wave"), col("wave"));
  private static final UserDefinedFunction TWO_SIDED_P = udf(
      (Double z) -> z == null ? null : twoSidedP(z), DataTypes.DoubleType);

  /** The trends of the {@code indicators} table's rows (every wave). */
  public Dataset<Row> trends(Dataset<Row> indicators) {
    WindowSpec waves = Window.partitionBy(keys()).orderBy(col("wave"));
    Column seChange = sqrt(col("se").multiply(col("se")).plus(col("previous_se").multiply(col("previous_se"))));
    Column z = when(col("se_change").gt(0), col("change").divide(col("se_change")));
    return indicators
        .select(col("survey"), col("indicator_id"), col("domain"), col("domain_value"), col("category"),
            col("wave"), col("estimate"), col("se"), col("base_n"), col("reliability"), col("series_break"))
        .withColumn("previous_wave", lag("wave", 1).over(waves))
        .withColumn("previous_estimate", lag("estimate", 1).over(waves))
        .withColumn("previous_se", lag("se", 1).over(waves))
        .withColumn("previous_base_n", lag("base_n", 1).over(waves))
        .withColumn("previous_reliability", lag("reliability", 1).over(waves))
        .where(col("previous_wave").isNotNull())
        .withColumn("change", col("estimate").minus(col("previous_estimate")))
        .withColumn("se_change", seChange)
        .withColumn("z", z)
        .withColumn("p_value", TWO_SIDED_P.apply(col("z")))
        .transform(changes -> BenjaminiHochberg.adjusted(changes, "p_value", "p_adjusted", FAMILY))
        .select(col("survey"), col("indicator_id"), col("domain"), col("domain_value"), col("category"),
            col("previous_wave"), col("wave"), col("previous_estimate"), col("estimate"),
            col("change").multiply(100).as("change_points"), col("se_change").multiply(100).as("se_change_points"),
            col("z"), col("p_value"), col("p_value").lt(SIGNIFICANCE_LEVEL).as("significant"), col("p_adjusted"),
            col("p_adjusted").lt(SIGNIFICANCE_LEVEL).as("significant_adjusted"),
            col("series_break").isNotNull().as("series_break"), col("series_break").as("break_reason"),
            col("previous_base_n"), col("base_n"), col("previous_reliability"), col("reliability"),
            lit(TEST_METHOD).as("test_method"));
  }

  /** The two-sided p-value of a standard normal z: 2 (1 - Phi(|z|)) = erfc(|z| / sqrt 2). */
  static double twoSidedP(double z) {
    return Erf.erfc(Math.abs(z) / Math.sqrt(2));
  }

  private static Column[] keys() {
    Column[] columns = new Column[KEYS.length];
    for (int i = 0; i < KEYS.length; i++) {
      columns[i] = col(KEYS[i]);
    }
    return columns;
  }
}
