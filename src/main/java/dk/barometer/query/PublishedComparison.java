package dk.barometer.query;

import static org.apache.spark.sql.functions.col;

import dk.barometer.config.ComparisonCatalog;
import dk.barometer.config.ComparisonDefinition;
import dk.barometer.config.ComparisonExpectation;
import dk.barometer.config.PublishedFigure;
import dk.barometer.config.PublishedFigures;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Puts each published figure beside the estimate that reproduces it. A figure is flagged when the estimate is
 * further from the printed value (or the nearest end of a printed range) than the tolerance: the larger of
 * {@code tolerance_points} and 1.96 standard errors, so a small base is not flagged for its sampling noise alone.
 * The standard error is the one under the published figure: sqrt(p0 (1 - p0) deff / n), with p0 the printed value
 * (or the nearest end of the range), n the estimate's unweighted base and deff the survey's Kish design effect from
 * {@code weight_diagnostics} (a test of "the estimate is consistent with the published figure"). The claims of
 * {@code conf/comparisons.yaml} with an {@code expected} direction or ratio are checked against the wave's
 * {@code comparisons} ({@link ClaimCheck#verdict}).
 */
public final class PublishedComparison {
  /** One figure and its estimate (null when the warehouse has no such row). */
  public record Comparison(PublishedFigure figure, Double estimate, Long baseN, double tolerance,
                           double distance) {
    public boolean flagged() {
      return estimate == null || distance > tolerance;
    }
  }

  private final SparkSession spark;
  private final Warehouse warehouse;

  public PublishedComparison(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  public List<Comparison> compare(PublishedFigures published) {
    int wave = published.wave();
    Map<String, Row> rows = new HashMap<>();
    // Estimates are aggregates (hundreds of rows per wave), so they are held on the driver.
    for (Row r : spark.read().format("delta").load(warehouse.path(Table.INDICATORS)).where(col("wave").equalTo(wave))
        .select("survey", "indicator_id", "domain", "domain_value", "category", "estimate", "base_n")
        .collectAsList()) {
      rows.put(key(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4)), r);
    }
    Map<String, Double> deff = new HashMap<>();
    for (Row r : spark.read().format("delta").load(warehouse.path(Table.WEIGHT_DIAGNOSTICS))
        .where(col("wave").equalTo(wave)).select("survey", "kish_deff").collectAsList()) {
      deff.put(r.getString(0), r.getDouble(1));
    }
    List<Comparison> comparisons = new ArrayList<>();
    for (PublishedFigure f : published.figures()) {
      Row r = rows.get(key(f.survey(), f.indicator(), f.domain(), f.domainValue(), f.category()));
      if (r == null) {
        comparisons.add(new Comparison(f, null, null, published.tolerancePoints(), Double.NaN));
        continue;
      }
      double estimate = 100 * r.getDouble(5);
      long n = r.getLong(6);
      double nearest = estimate < f.low() ? f.low() : estimate > f.high() ? f.high() : estimate;
      double p0 = nearest / 100;
      double se = 100 * Math.sqrt(p0 * (1 - p0) * deff.getOrDefault(f.survey(), 1.0) / n);
      double distance = Math.abs(estimate - nearest);
      comparisons.add(new Comparison(f, estimate, n, Math.max(published.tolerancePoints(), 1.96 * se), distance));
    }
    return comparisons;
  }

  /** How the wave's estimates stand to a claim of conf/comparisons.yaml, from worst to best. */
  public enum Verdict { CONTRADICTED, MISSING, SUPPRESSED, UNCLEAR, CONSISTENT }

  /** One claim and the wave's comparison (estimates null when the warehouse has none). */
  public record ClaimCheck(ComparisonDefinition comparison, Double difference, Double differenceLow,
                           Double differenceHigh, Double ratio, Double ratioLow, Double ratioHigh, boolean suppressed,
                           boolean present) {
    /**
     * A direction is contradicted when the 95 % interval of the difference (of the ratio less 1 where only the
     * ratio is asked) lies wholly on the other side of 0, and unclear when it holds 0; a stated ratio is
     * contradicted when the ratio's interval excludes it. The worst of the two is the verdict.
     */
    public Verdict verdict() {
      if (!present) {
        return Verdict.MISSING;
      }
      if (suppressed) {
        return Verdict.SUPPRESSED;
      }
      ComparisonExpectation expected = comparison.expected();
      Verdict verdict = Verdict.CONSISTENT;
      if (expected.direction() != null) {
        double low = differenceLow != null ? differenceLow : ratioLow == null ? Double.NaN : ratioLow - 1;
        double high = differenceHigh != null ? differenceHigh : ratioHigh == null ? Double.NaN : ratioHigh - 1;
        int sign = expected.direction().equals(ComparisonExpectation.HIGHER) ? 1 : -1;
        double near = sign > 0 ? high : -low;
        double far = sign > 0 ? low : -high;
        verdict = Double.isNaN(near) ? Verdict.MISSING : near < 0 ? Verdict.CONTRADICTED
            : far > 0 ? Verdict.CONSISTENT : Verdict.UNCLEAR;
      }
      if (expected.ratio() != null) {
        Verdict ratioVerdict = ratioLow == null ? Verdict.MISSING
            : expected.ratio() < ratioLow || expected.ratio() > ratioHigh ? Verdict.CONTRADICTED : Verdict.CONSISTENT;
        verdict = ratioVerdict.compareTo(verdict) < 0 ? ratioVerdict : verdict;
      }
      return verdict;
    }
  }

  /** Each comparison of {@code catalog} with an {@code expected} claim against the wave's row of comparisons. */
  public List<ClaimCheck> claims(int wave, ComparisonCatalog catalog) {
    List<ComparisonDefinition> claimed = catalog.comparisons().stream().filter(c -> c.expected() != null).toList();
    Map<String, Row> rows = new HashMap<>();
    if (!claimed.isEmpty() && warehouse.exists(Table.COMPARISONS)) {
      for (Row r : spark.read().format("delta").load(warehouse.path(Table.COMPARISONS))
          .where(col("wave").equalTo(wave)).select("survey", "comparison_id", "difference", "difference_ci_low",
              "difference_ci_high", "ratio", "ratio_ci_low", "ratio_ci_high", "reliability").collectAsList()) {
        rows.put(key(r.getString(0), r.getString(1)), r);
      }
    }
    List<ClaimCheck> checks = new ArrayList<>();
    for (ComparisonDefinition c : claimed) {
      Row r = rows.get(key(c.survey(), c.id()));
      checks.add(r == null ? new ClaimCheck(c, null, null, null, null, null, null, false, false)
          : new ClaimCheck(c, value(r, 2), value(r, 3), value(r, 4), value(r, 5), value(r, 6), value(r, 7),
              "suppressed".equals(r.getString(8)), true));
    }
    return checks;
  }

  private static Double value(Row r, int i) {
    return r.isNullAt(i) ? null : r.getDouble(i);
  }

  private static String key(String... parts) {
    return String.join("/", parts);
  }
}
