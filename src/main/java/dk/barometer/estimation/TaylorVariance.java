package dk.barometer.estimation;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dk.barometer.config.ReliabilitySettings;
import dk.barometer.weighting.CalibrationCells;
import dk.barometer.weighting.WeightedSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Standard errors, confidence intervals and design effects of the indicator estimates, as R {@code survey} computes
 * them for a stratified design (with finite population correction) calibrated by raking
 * ({@code calibrate(design, ~margins, calfun = "raking")} then {@code svyratio} / {@code svyciprop(method =
 * "logit")}), domains keeping the full design. For an estimate p = sum(w y) / sum(w b):
 * <ol>
 *   <li>linearised variable z = (y - p b) / sum(w b), zero outside the domain and base;</li>
 *   <li>calibration residual e = z - x'beta, beta the regression of z on the indicators of the (collapsed) margin
 *       categories weighted by the design weights d; then u = w e (Deville-Sarndal);</li>
 *   <li>V = sum_h (1 - n_h / N_h) n_h / (n_h - 1) sum_{i in h} (u_i - mean_h u)^2 over every respondent (a stratum
 *       with one respondent, or sampled completely, adds nothing);</li>
 *   <li>95 % interval expit(logit p +- t SE / (p (1 - p))), t with df = R's {@code degf} of the domain's design:
 *       the respondents of the domain (within the indicator's base_where), whether they answered the item or not,
 *       less the strata they are in; for the total, every respondent less every stratum;</li>
 *   <li>deff = V / (p (1 - p) n / (n - 1) (1 - n / N_D) / n), the variance over that of simple random sampling.</li>
 * </ol>
 * Respondents of a weighting cell share d, w and x, so everything reduces to sums of z and z^2 per estimate and
 * cell, which follow from the cell sums of y, b and their products: no pass over the respondents of its own,
 * whatever the number of indicators; the algebra runs on the driver.
 */
public final class TaylorVariance {
  public static final String VARIANCE_METHOD =
      "Taylor linearisation of the ratio; raking as calibration (design-weighted residuals); stratified, fpc";
  public static final String CI_METHOD =
      "logit, t with df = domain respondents (answered or not) - their strata (as svyciprop, degf of the domain)";

  private final ReliabilitySettings reliability;

  public TaylorVariance(ReliabilitySettings reliability) {
    this.reliability = reliability;
  }

  /**
   * {@code estimates} with se, ci_low, ci_high, deff, df, reliability and the method columns added.
   *
   * @param cellSums the sums per estimate and weighting cell the estimates were made of
   *     ({@link IndicatorEstimator#cellSums})
   */
  public Dataset<Row> withUncertainty(WeightedSample sample, Dataset<Row> estimates, Dataset<Row> cellSums) {
    List<String> keys = IndicatorEstimator.KEYS;
    Dataset<Row> ratios = estimates.select(col("indicator_id"), col("domain"), col("domain_value"), col("category"),
        col("estimate").as("p"), col("base_weighted").as("bw"));
    // Per cell, sum z = (sum y - p sum b) / bw and sum z^2 = (sum y^2 - 2 p sum y b + p^2 sum b^2) / bw^2.
    Column p = col("p");
    Column bw = col("bw");
    List<Row> sums = cellSums.join(broadcast(ratios), seq(keys))
        .select(col("indicator_id"), col("domain"), col("domain_value"), col("category"), col("cell"),
            col("y").minus(p.multiply(col("b"))).divide(bw),
            col("yy").minus(p.multiply(col("yb")).multiply(2)).plus(p.multiply(p).multiply(col("bb")))
                .divide(bw.multiply(bw)),
            col("n"), col("w_base"), p, col("respondents"))
        .collectAsList();
    Map<String, List<Row>> byEstimate = new HashMap<>();
    for (Row r : sums) {
      byEstimate.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
    }

    Calibration calibration = new Calibration(sample.calibration());
    List<Row> results = new ArrayList<>();
    for (Map.Entry<String, List<Row>> e : byEstimate.entrySet()) {
      Row first = e.getValue().get(0);
      Uncertainty u = calibration.uncertainty(first.getDouble(9), e.getValue());
      results.add(RowFactory.create(first.getString(0), first.getString(1), first.getString(2), first.getString(3),
          u.se(), u.ciLow(), u.ciHigh(), u.deff(), u.df(), reliability.flag(u.baseN())));
    }
    StructType schema = new StructType().add("indicator_id", DataTypes.StringType)
        .add("domain", DataTypes.StringType).add("domain_value", DataTypes.StringType)
        .add("category", DataTypes.StringType).add("se", DataTypes.DoubleType).add("ci_low", DataTypes.DoubleType)
        .add("ci_high", DataTypes.DoubleType).add("deff", DataTypes.DoubleType).add("df", DataTypes.LongType)
        .add("reliability", DataTypes.StringType);
    Dataset<Row> uncertainty = estimates.sparkSession().createDataFrame(results, schema);
    return estimates.join(broadcast(uncertainty), seq(keys), "left")
        .withColumn("ci_method", lit(CI_METHOD))
        .withColumn("variance_method", lit(VARIANCE_METHOD));
  }

  private static scala.collection.immutable.Seq<String> seq(List<String> columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(columns).toSeq();
  }

  private static String key(Row r) {
    return String.join("\u001f", r.getString(0), r.getString(1), r.getString(2), r.getString(3));
  }

  record Uncertainty(Double se, Double ciLow, Double ciHigh, Double deff, Long df, long baseN) {}

  /** The calibration design of one sample: indicator columns of the cells and the pseudo-inverse of X'DX. */
  static final class Calibration {
    private final CalibrationCells cells;
    private final double[][] x;
    private final RealMatrix inverse;
    private final Map<String, Integer> cellIndex = new HashMap<>();

    Calibration(CalibrationCells cells) {
      this.cells = cells;
      int margins = cells.margins().size();
      // Columns: every category of the first margin (they span the intercept), the others less their first.
      List<Map<String, Integer>> columns = new ArrayList<>();
      int k = 0;
      for (int m = 0; m < margins; m++) {
        TreeSet<String> categories = new TreeSet<>();
        for (var cell : cells.cells()) {
          categories.add(cell.categories().get(m));
        }
        if (m > 0) {
          categories.pollFirst();
        }
        Map<String, Integer> index = new TreeMap<>();
        for (String c : categories) {
          index.put(c, k++);
        }
        columns.add(index);
      }
      x = new double[cells.cells().size()][k];
      RealMatrix xtdx = new Array2DRowRealMatrix(k, k);
      for (int c = 0; c < x.length; c++) {
        cellIndex.put(cells.key(c), c);
        for (int m = 0; m < margins; m++) {
          Integer col = columns.get(m).get(cells.cells().get(c).categories().get(m));
          if (col != null) {
            x[c][col] = 1;
          }
        }
        double designTotal = cells.cells().get(c).weight();
        for (int i = 0; i < k; i++) {
          for (int j = 0; j < k; j++) {
            xtdx.addToEntry(i, j, designTotal * x[c][i] * x[c][j]);
          }
        }
      }
      inverse = new SingularValueDecomposition(xtdx).getSolver().getInverse();
    }

    /** The number of weighting cells: the length of the arrays {@link #variance} takes. */
    int cells() {
      return x.length;
    }

    /** The index of the cell {@code key} in the arrays {@link #variance} takes. */
    int cell(String key) {
      return cellIndex.get(key);
    }

    /**
     * The stratified variance (with fpc) of the total of a linearised variable z through its calibration residuals,
     * from z's sums per cell: {@code sz} = sum z, {@code szz} = sum z^2, indexed by {@link #cell}.
     */
    double variance(double[] sz, double[] szz) {
      RealVector xtdz = new ArrayRealVector(inverse.getRowDimension());
      for (int c = 0; c < x.length; c++) {
        xtdz = xtdz.add(new ArrayRealVector(x[c]).mapMultiply(cells.unitDesignWeight(c) * sz[c]));
      }
      RealVector beta = inverse.operate(xtdz);
      // stratum -> {n_h, S_h, Q_h}: units, sum and sum of squares of u = w (z - x'beta)
      Map<String, double[]> strata = new TreeMap<>();
      for (int c = 0; c < x.length; c++) {
        double fitted = beta.dotProduct(new ArrayRealVector(x[c]));
        double w = cells.unitWeight(c);
        long units = cells.cells().get(c).units();
        double[] h = strata.computeIfAbsent(cells.stratum(c), s -> new double[3]);
        h[0] += units;
        h[1] += w * sz[c] - fitted * w * units;
        h[2] += w * w * szz[c] - 2 * w * w * fitted * sz[c] + units * w * w * fitted * fitted;
      }
      double variance = 0;
      for (Map.Entry<String, double[]> e : strata.entrySet()) {
        double[] h = e.getValue();
        double fpc = 1 - h[0] / cells.stratumSizes().get(e.getKey());
        if (fpc >= 1e-7 && h[0] > 1) {
          variance += fpc * h[0] / (h[0] - 1) * (h[2] - h[1] * h[1] / h[0]);
        }
      }
      return variance;
    }

    /** @param sums rows (keys..., cell, sum z, sum z^2, count, sum w, p, respondents) of one estimate */
    Uncertainty uncertainty(double p, List<Row> sums) {
      int n = x.length;
      double[] sz = new double[n];
      double[] sz2 = new double[n];
      double weightInBase = 0;
      long baseN = 0;
      // stratum -> respondents in the domain and base_where, whom R's degf counts
      Map<String, Long> inDomain = new TreeMap<>();
      for (Row r : sums) {
        int c = cellIndex.get(r.getString(4));
        sz[c] = r.getDouble(5);
        sz2[c] = r.getDouble(6);
        baseN += r.getLong(7);
        weightInBase += r.getDouble(8);
        inDomain.merge(cells.stratum(c), r.getLong(10), Long::sum);
      }
      double variance = variance(sz, sz2);
      long respondents = inDomain.values().stream().mapToLong(Long::longValue).sum();
      long df = respondents - inDomain.values().stream().filter(v -> v > 0).count();
      double se = Math.sqrt(Math.max(variance, 0));
      Optional<LogitInterval> interval = LogitInterval.of(p, se, df);
      Double low = interval.map(LogitInterval::low).orElse(null);
      Double high = interval.map(LogitInterval::high).orElse(null);
      double srs = p * (1 - p) * baseN / (baseN - 1.0) * (1 - baseN / weightInBase) / baseN;
      Double deff = baseN > 1 && srs > 0 ? variance / srs : null;
      return new Uncertainty(se, low, high, deff, df, baseN);
    }
  }
}
