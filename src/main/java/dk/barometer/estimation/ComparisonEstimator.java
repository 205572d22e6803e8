package dk.barometer.estimation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dk.barometer.config.ComparisonDefinition;
import dk.barometer.config.ComparisonGroup;
import dk.barometer.config.ComparisonMeasure;
import dk.barometer.config.IndicatorDefinition;
import dk.barometer.config.ReliabilitySettings;
import dk.barometer.runtime.ElementwiseSum;
import dk.barometer.weighting.SurveyWeighting;
import dk.barometer.weighting.WeightedSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Comparisons of two domains of one wave ({@code conf/comparisons.yaml}): the shares p1 and p2 of one indicator
 * category in two domains, their difference p1 - p2 and their ratio p1 / p2. Both come from the same respondents, so
 * they are not independent: the variance of a combination a1 p1 + a2 p2 is that of the linearised variable
 * z = a1 z1 + a2 z2 ({@link TaylorVariance}: z_g = (y_g - p_g b_g) / sum(w b_g), zero outside domain g), through the
 * same calibration residuals and stratified variance, which R's {@code svycontrast} computes from the covariance
 * matrix of {@code svyratio(covmat = TRUE)}:
 * <ul>
 *   <li>difference: a = (1, -1);</li>
 *   <li>ratio by the delta method: the log ratio's a = (1 / p1, -1 / p2); SE(ratio) = ratio SE(log ratio).</li>
 * </ul>
 * Per cell, sum z^2 = a1^2 sum z1^2 + a2^2 sum z2^2 + 2 a1 a2 sum z1 z2, where z1 z2 is non-zero only for respondents
 * in both domains (overlapping groups, a group and the total). Intervals are normal, estimate +- 1.96 SE (the ratio's
 * on the log scale), as {@code confint} of {@code svycontrast}'s result; p is the two-sided z-test of no difference
 * (ratio 1), and {@code difference_p_adjusted} / {@code ratio_p_adjusted} its Benjamini-Hochberg adjustment over the
 * comparisons of the survey in the wave ({@link BenjaminiHochberg}), with {@code *_significant_adjusted} below 5 %.
 * Every sum comes from one aggregation over the respondents per survey, whatever the number of
 * comparisons; the algebra runs on the driver, per weighting cell.
 */
public final class ComparisonEstimator {
  public static final String CI_METHOD =
      "normal: estimate +- 1.96 SE (as confint of svycontrast); the ratio's on the log scale";
  public static final String VARIANCE_METHOD = "Taylor linearisation of both ratios on the same respondents "
      + "(their covariance included); raking as calibration; stratified, fpc; ratio by the delta method";
  /**
   * Sums per comparison and cell: per group w y, w b, y, b, y^2, y b, b^2, base count (8 each), then y^2, y b, b^2
   * of the respondents in both groups.
   */
  private static final int SUMS = 19;
  private static final int GROUP_SUMS = 8;
  private static final double Z = new NormalDistribution().inverseCumulativeProbability(0.975);
  /** The tests adjusted together: the comparisons of one survey in one wave, difference and ratio apart. */
  private static final WindowSpec FAMILY = Window.partitionBy(col("survey"), col("wave"));
  private static final StructType SCHEMA = new StructType()
      .add("comparison_id", DataTypes.StringType).add("indicator_id", DataTypes.StringType)
      .add("category", DataTypes.StringType).add("first_domain", DataTypes.StringType)
      .add("first_domain_value", DataTypes.StringType).add("second_domain", DataTypes.StringType)
      .add("second_domain_value", DataTypes.StringType).add("estimate_first", DataTypes.DoubleType)
      .add("estimate_second", DataTypes.DoubleType).add("se_first", DataTypes.DoubleType)
      .add("se_second", DataTypes.DoubleType).add("covariance", DataTypes.DoubleType)
      .add("base_n_first", DataTypes.LongType).add("base_n_second", DataTypes.LongType)
      .add("reliability", DataTypes.StringType).add("difference", DataTypes.DoubleType)
      .add("se_difference", DataTypes.DoubleType).add("difference_ci_low", DataTypes.DoubleType)
      .add("difference_ci_high", DataTypes.DoubleType).add("difference_p", DataTypes.DoubleType)
      .add("ratio", DataTypes.DoubleType).add("se_ratio", DataTypes.DoubleType)
      .add("ratio_ci_low", DataTypes.DoubleType).add("ratio_ci_high", DataTypes.DoubleType)
      .add("ratio_p", DataTypes.DoubleType);

  private final List<ComparisonDefinition> comparisons;
  private final IndicatorEstimator estimator;
  private final ReliabilitySettings reliability;

  public ComparisonEstimator(List<ComparisonDefinition> comparisons, IndicatorEstimator estimator,
                             ReliabilitySettings reliability) {
    this.comparisons = List.copyOf(comparisons);
    this.estimator = estimator;
    this.reliability = reliability;
  }

  /**
   * One row per comparison of the sample's survey that its wave can estimate (both domains with a base): the
   * estimates, their covariance, the difference and ratio asked for (the other measure null) with their p adjusted,
   * with wave, survey and the method columns.
   */
  public Dataset<Row> compare(WeightedSample sample) {
    List<Comparison> estimable = estimable(sample);
    Dataset<Row> rows = sample.rows().sparkSession().createDataFrame(estimable.isEmpty() ? List.of()
        : results(sample, estimable), SCHEMA);
    return rows.select(lit(sample.wave()).as("wave"), lit(sample.survey()).as("survey"), col("*"))
        .transform(r -> BenjaminiHochberg.adjusted(r, "difference_p", "difference_p_adjusted", FAMILY))
        .transform(r -> BenjaminiHochberg.adjusted(r, "ratio_p", "ratio_p_adjusted", FAMILY))
        .withColumn("difference_significant_adjusted",
            col("difference_p_adjusted").lt(TrendEstimator.SIGNIFICANCE_LEVEL))
        .withColumn("ratio_significant_adjusted", col("ratio_p_adjusted").lt(TrendEstimator.SIGNIFICANCE_LEVEL))
        .withColumn("ci_method", lit(CI_METHOD)).withColumn("variance_method", lit(VARIANCE_METHOD));
  }

  /** A comparison with the item both groups are estimated on. */
  private record Comparison(ComparisonDefinition definition, IndicatorEstimator.ItemColumns item) {}

  private List<Comparison> estimable(WeightedSample sample) {
    Set<String> columns = Set.of(sample.rows().columns());
    List<IndicatorDefinition> indicators = estimator.estimable(sample.survey(), columns);
    List<Comparison> estimable = new ArrayList<>();
    for (ComparisonDefinition c : comparisons) {
      boolean domains = c.survey().equals(sample.survey()) && indicators.stream().anyMatch(i -> i.id()
          .equals(c.indicator()) && i.domains().contains(c.first().domain())
          && i.domains().contains(c.second().domain()));
      Optional<IndicatorEstimator.ItemColumns> item = domains
          ? estimator.item(sample.survey(), columns, c.indicator(), c.category()) : Optional.empty();
      item.ifPresent(i -> estimable.add(new Comparison(c, i)));
    }
    return estimable;
  }

  private List<Row> results(WeightedSample sample, List<Comparison> estimable) {
    List<Column> values = new ArrayList<>();
    for (Comparison c : estimable) {
      values.addAll(groupValues(c.item(), c.definition().first()));
      values.addAll(groupValues(c.item(), c.definition().second()));
      Column both = indicator(estimator.inDomain(c.definition().first().domain(), c.definition().first().value())
          .and(estimator.inDomain(c.definition().second().domain(), c.definition().second().value())));
      Column y = c.item().y();
      Column b = c.item().b();
      values.addAll(List.of(y.multiply(y).multiply(both), y.multiply(b).multiply(both), b.multiply(b).multiply(both)));
    }
    List<Row> perCell = sample.rows()
        .select(col(SurveyWeighting.CELL).as("cell"), array(values.toArray(Column[]::new)).as("sums"))
        .groupBy(col("cell"))
        .agg(ElementwiseSum.of(sample.rows().sparkSession()).apply(col("sums")).as("sums"))
        .collectAsList();
    TaylorVariance.Calibration calibration = new TaylorVariance.Calibration(sample.calibration());
    double[][] sums = new double[calibration.cells()][];
    for (Row r : perCell) {
      sums[calibration.cell(r.getString(0))] = r.<Double>getList(1).stream().mapToDouble(Double::doubleValue)
          .toArray();
    }
    List<Row> results = new ArrayList<>();
    for (int k = 0; k < estimable.size(); k++) {
      result(calibration, sums, k * SUMS, estimable.get(k).definition()).ifPresent(results::add);
    }
    return results;
  }

  /** w y, w b, y, b, y^2, y b, b^2 and the base count of the respondents in {@code group}. */
  private List<Column> groupValues(IndicatorEstimator.ItemColumns item, ComparisonGroup group) {
    Column in = indicator(estimator.inDomain(group.domain(), group.value()));
    Column y = item.y().multiply(in);
    Column b = item.b().multiply(in);
    Column w = col(SurveyWeighting.WEIGHT);
    return List.of(w.multiply(y), w.multiply(b), y, b, y.multiply(y), y.multiply(b), b.multiply(b),
        indicator(b.gt(0)));
  }

  private static Column indicator(Column condition) {
    return when(condition, 1.0).otherwise(0.0);
  }

  /** A group's estimate and its linearised variable's sums per cell. */
  private record Linearised(double p, double weightedBase, long baseN, double[] sz, double[] szz) {}

  private static Linearised linearised(double[][] sums, int offset) {
    double wy = 0;
    double wb = 0;
    long n = 0;
    for (double[] cell : sums) {
      if (cell != null) {
        wy += cell[offset];
        wb += cell[offset + 1];
        n += Math.round(cell[offset + 7]);
      }
    }
    double p = wy / wb;
    double[] sz = new double[sums.length];
    double[] szz = new double[sums.length];
    for (int c = 0; c < sums.length; c++) {
      double[] cell = sums[c];
      if (cell != null) {
        sz[c] = (cell[offset + 2] - p * cell[offset + 3]) / wb;
        szz[c] = (cell[offset + 4] - 2 * p * cell[offset + 5] + p * p * cell[offset + 6]) / (wb * wb);
      }
    }
    return new Linearised(p, wb, n, sz, szz);
  }

  private Optional<Row> result(TaylorVariance.Calibration calibration, double[][] sums, int offset,
                               ComparisonDefinition c) {
    Linearised first = linearised(sums, offset);
    Linearised second = linearised(sums, offset + GROUP_SUMS);
    if (first.baseN() == 0 || second.baseN() == 0) {
      return Optional.empty();
    }
    int cross = offset + 2 * GROUP_SUMS;
    double[] sxz = new double[sums.length];
    for (int cell = 0; cell < sums.length; cell++) {
      double[] s = sums[cell];
      if (s != null) {
        sxz[cell] = (s[cross] - (first.p() + second.p()) * s[cross + 1] + first.p() * second.p() * s[cross + 2])
            / (first.weightedBase() * second.weightedBase());
      }
    }
    Combination combination = (a1, a2) -> {
      double[] sz = new double[sums.length];
      double[] szz = new double[sums.length];
      for (int cell = 0; cell < sums.length; cell++) {
        sz[cell] = a1 * first.sz()[cell] + a2 * second.sz()[cell];
        szz[cell] = a1 * a1 * first.szz()[cell] + a2 * a2 * second.szz()[cell] + 2 * a1 * a2 * sxz[cell];
      }
      return Math.max(calibration.variance(sz, szz), 0);
    };
    double v1 = combination.variance(1, 0);
    double v2 = combination.variance(0, 1);
    double vd = combination.variance(1, -1);
    double p1 = first.p();
    double p2 = second.p();
    List<Object> row = new ArrayList<>(List.of(c.id(), c.indicator(), c.category(), c.first().domain(),
        c.first().value(), c.second().domain(), c.second().value(), p1, p2, Math.sqrt(v1), Math.sqrt(v2),
        (v1 + v2 - vd) / 2, first.baseN(), second.baseN(),
        reliability.flag(Math.min(first.baseN(), second.baseN()))));
    row.addAll(c.measures(ComparisonMeasure.DIFFERENCE) ? difference(p1 - p2, Math.sqrt(vd))
        : nulls(5));
    boolean ratio = c.measures(ComparisonMeasure.RATIO) && p1 > 0 && p2 > 0;
    row.addAll(ratio ? ratio(p1 / p2, Math.sqrt(combination.variance(1 / p1, -1 / p2))) : nulls(5));
    return Optional.of(RowFactory.create(row.toArray()));
  }

  /** The variance of a1 z1 + a2 z2. */
  @FunctionalInterface
  private interface Combination {
    double variance(double a1, double a2);
  }

  /** difference, SE, interval, p; no interval or p when the SE is 0. */
  private static List<Object> difference(double d, double se) {
    if (!(se > 0)) {
      return Arrays.asList(d, se, null, null, null);
    }
    return List.of(d, se, d - Z * se, d + Z * se, TrendEstimator.twoSidedP(d / se));
  }

  /** ratio, SE (ratio x SE of the log), interval and p on the log scale. */
  private static List<Object> ratio(double r, double seLog) {
    if (!(seLog > 0)) {
      return Arrays.asList(r, 0.0, null, null, null);
    }
    double log = Math.log(r);
    return List.of(r, r * seLog, Math.exp(log - Z * seLog), Math.exp(log + Z * seLog), TrendEstimator.twoSidedP(log / seLog));
  }

  private static List<Object> nulls(int n) {
    return Arrays.asList(new Object[n]);
  }
}
