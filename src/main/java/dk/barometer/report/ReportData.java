package dk.barometer.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dk.barometer.config.ReportFigure;
import dk.barometer.config.ReportFigures;
import dk.barometer.config.ReportSeries;
import dk.barometer.query.LabelledViews;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The estimates of the report's figures, read from the labelled views {@code v_indicators} and {@code v_trends}
 * (which leave suppressed estimates out) of a session where {@link LabelledViews} created them. One filtered query
 * per view; the rows collected are the few hundred aggregated estimates the figures show.
 */
final class ReportData {
  private final SparkSession spark;
  private final ReportFigures figures;

  ReportData(SparkSession spark, ReportFigures figures) {
    this.spark = spark;
    this.figures = figures;
  }

  /** The waves in {@code v_indicators}, oldest first. */
  List<Integer> waves() {
    return spark.table(LabelledViews.INDICATORS).select("wave").distinct().orderBy("wave").collectAsList().stream()
        .map(r -> r.getInt(0)).toList();
  }

  /** Fails, naming the waves there are, when {@code wave} has no estimates. */
  void requireWave(int wave, String warehouse) {
    List<Integer> waves = waves();
    if (!waves.contains(wave)) {
      throw ReportErrors.waveMissing(wave, warehouse, waves);
    }
  }

  /** Every estimate of a figure's series and domains, of {@code wave} and the waves before it (for trends). */
  List<Estimate> estimates(int wave) {
    return spark.table(LabelledViews.INDICATORS).where(col("wave").leq(wave).and(shown()))
        .select("wave", "survey", "indicator_id", "indicator_da", "domain", "domain_value", "domain_value_da",
            LabelledViews.DOMAIN_VALUE_ORDER, "category", "category_da", LabelledViews.CATEGORY_ORDER, "pct",
            "ci_low_pct", "ci_high_pct", "base_n", "flag")
        .collectAsList().stream().map(ReportData::estimate).toList();
  }

  /**
   * The changes between waves up to {@code wave} of the trend figures' series; none before a trends run. A trends
   * table written before the adjusted p-value was is refused, rather than its changes shown with no mark.
   */
  List<Change> changes(int wave, String warehouse) {
    if (!spark.catalog().tableExists(LabelledViews.TRENDS)) {
      return List.of();
    }
    List<Change> changes = spark.table(LabelledViews.TRENDS).where(col("wave").leq(wave).and(shown()))
        .select("survey", "indicator_id", "domain", "domain_value", "category", "previous_wave", "wave",
            "change_points", "se_change_points", "p_value", "p_adjusted", "significant_adjusted", "series_break")
        .collectAsList().stream().map(ReportData::change).toList();
    if (changes.stream().anyMatch(c -> c.pValue() != null && c.pAdjusted() == null)) {
      throw ReportErrors.trendsNotAdjusted(warehouse);
    }
    return changes;
  }

  /** The rows of any figure: its series' survey and indicator, by one of its domains. */
  private Column shown() {
    Column any = lit(false);
    for (ReportFigure figure : figures.figures()) {
      for (ReportSeries series : figure.series()) {
        any = any.or(col("survey").equalTo(series.survey()).and(col("indicator_id").equalTo(series.indicator()))
            .and(col("domain").isin(figure.domains().toArray())));
      }
    }
    return any;
  }

  private static Estimate estimate(Row r) {
    String domainValue = r.getString(5);
    String category = r.getString(8);
    return new Estimate(r.getInt(0), r.getString(1), r.getString(2), orElse(r.getString(3), r.getString(2)),
        r.getString(4), domainValue, orElse(r.getString(6), domainValue), order(r, 7), category,
        orElse(r.getString(9), category), order(r, 10), r.getDouble(11), nullableDouble(r, 12),
        nullableDouble(r, 13), ((Number) r.get(14)).longValue(), orElse(r.getString(15), ""));
  }

  private static Change change(Row r) {
    return new Change(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5),
        r.getInt(6), r.getDouble(7), r.getDouble(8), nullableDouble(r, 9), nullableDouble(r, 10),
        !r.isNullAt(11) && r.getBoolean(11), !r.isNullAt(12) && r.getBoolean(12));
  }

  /** A value without a position in conf/ (none, after validation) sorts last. */
  private static int order(Row r, int i) {
    return r.isNullAt(i) ? Integer.MAX_VALUE : r.getInt(i);
  }

  private static Double nullableDouble(Row r, int i) {
    return r.isNullAt(i) ? null : r.getDouble(i);
  }

  private static String orElse(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
