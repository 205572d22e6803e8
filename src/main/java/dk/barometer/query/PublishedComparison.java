package dk.barometer.query;

import static org.apache.spark.sql.functions.col;

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
 * {@code weight_diagnostics} (a test of "the estimate is consistent with the published figure").
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

  private static String key(String... parts) {
    return String.join("/", parts);
  }
}
