package dk.barometer.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dk.barometer.config.KeyFigure;
import dk.barometer.config.Publication;
import dk.barometer.config.PublicationSection;
import dk.barometer.config.ReportFigure;
import dk.barometer.config.ReportFigures;
import dk.barometer.config.ReportSeries;
import dk.barometer.config.SectionStatement;
import dk.barometer.config.StatementSubject;
import dk.barometer.query.LabelledViews;
import dk.barometer.warehouse.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What the report shows, read from the published zone of a session where {@link LabelledViews} created the views:
 * the estimates of the figures, key figures and sentences from {@code v_indicators} and {@code v_trends} (which leave
 * suppressed estimates out), with the edition's labels; the comparisons of {@code v_comparisons}; the respondents
 * of each survey from {@code weight_diagnostics}; the run from {@code runs}; the AI competence pact's counts from
 * {@code pact_figures} and, beside the barometer's estimates, from {@code v_pact_barometer}. One filtered query per
 * view; the rows collected are the few hundred aggregated estimates and counts the page shows.
 */
final class ReportData {
  /** The run that wrote a wave's estimates, and the day it finished. */
  record Run(String id, LocalDate finished) {}

  private final SparkSession spark;
  private final ReportFigures figures;
  private final Publication publication;
  private final ReportLanguage language;

  ReportData(SparkSession spark, ReportFigures figures, Publication publication, ReportLanguage language) {
    this.spark = spark;
    this.figures = figures;
    this.publication = publication;
    this.language = language;
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

  /** Every estimate the page may show, of {@code wave} and the waves before it (for trends and changes). */
  List<Estimate> estimates(int wave) {
    String suffix = "_" + language.code();
    return spark.table(LabelledViews.INDICATORS).where(col("wave").leq(wave).and(shown()))
        .select("wave", "survey", "indicator_id", "indicator" + suffix, "domain", "domain_value",
            "domain_value" + suffix, LabelledViews.DOMAIN_VALUE_ORDER, "category", "category" + suffix,
            LabelledViews.CATEGORY_ORDER, "pct", "ci_low_pct", "ci_high_pct", "base_n", "flag")
        .collectAsList().stream().map(ReportData::estimate).toList();
  }

  /**
   * The changes between waves up to {@code wave} of the estimates shown; none before a trends run. A trends table
   * written before the adjusted p-value was is refused, rather than its changes shown with no mark.
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

  /** The comparisons of {@code wave} by id; a comparison with a suppressed group is not among them. */
  Map<String, Comparison> comparisons(int wave) {
    if (!spark.catalog().tableExists(LabelledViews.COMPARISONS)) {
      return Map.of();
    }
    return spark.table(LabelledViews.COMPARISONS).where(col("wave").equalTo(wave))
        .select("comparison_id", "first_pct", "second_pct", "difference_points", "difference_significant_adjusted",
            "ratio", "ratio_significant_adjusted")
        .collectAsList().stream().map(r -> new Comparison(r.getString(0), r.getDouble(1), r.getDouble(2),
            nullableDouble(r, 3), !r.isNullAt(4) && r.getBoolean(4), nullableDouble(r, 5),
            !r.isNullAt(6) && r.getBoolean(6)))
        .collect(Collectors.toMap(Comparison::id, c -> c));
  }

  /** The pact's figures of year {@code wave}, with the year before's; none when the warehouse has no such year. */
  List<PactCount> pactCounts(int wave) {
    if (!spark.catalog().tableExists(Table.PACT_FIGURES.tableName())) {
      return List.of();
    }
    return spark.table(Table.PACT_FIGURES.tableName()).where(col("year").equalTo(wave))
        .select("year", "figure", "dimension", "value", "count", "share", "previous_year", "previous_count",
            "previous_share")
        .collectAsList().stream().map(r -> new PactCount(r.getInt(0), r.getString(1), r.getString(2),
            r.getString(3), ((Number) r.get(4)).longValue(), r.getDouble(5), r.isNullAt(6) ? null : r.getInt(6),
            r.isNullAt(7) ? null : ((Number) r.get(7)).longValue(), nullableDouble(r, 8)))
        .toList();
  }

  /** The pact's counts and the barometer's estimates of year {@code wave} on the same topics, in topic order. */
  List<BesideBarometer> besideBarometer(int wave) {
    if (!spark.catalog().tableExists(LabelledViews.PACT_BAROMETER)) {
      return List.of();
    }
    String suffix = "_" + language.code();
    return spark.table(LabelledViews.PACT_BAROMETER).where(col("year").equalTo(wave))
        .select("topic", "topic" + suffix, "topic_order", "source", "source" + suffix, "kind", "unit", "value",
            "ci_low_pct", "ci_high_pct")
        .orderBy("topic_order", "source")
        .collectAsList().stream().map(r -> new BesideBarometer(r.getString(0), r.getString(1), r.getInt(2),
            r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getDouble(7), nullableDouble(r, 8),
            nullableDouble(r, 9)))
        .toList();
  }

  /** The respondents of each survey in {@code wave}: those weighted, as the weight diagnostics count them. */
  Map<String, Long> respondents(int wave) {
    return spark.table("weight_diagnostics").where(col("wave").equalTo(wave)).select("survey", "respondents")
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
  }

  /** The run whose estimates of {@code wave} the views hold. */
  Run run(int wave) {
    Row run = spark.table("runs").where(col("status").equalTo("succeeded").and(col("run_id").isin(
            spark.table(LabelledViews.INDICATORS).where(col("wave").equalTo(wave)).select("run_id").distinct()
                .collectAsList().stream().map(r -> r.getString(0)).toArray())))
        .select(col("run_id"), col("finished_at").cast("date")).collectAsList().stream().findFirst().orElse(null);
    return run == null ? new Run("", null) : new Run(run.getString(0), run.getDate(1).toLocalDate());
  }

  /** The rows of any figure, key figure or sentence: its survey and indicator, by one of its domains. */
  private Column shown() {
    Column any = lit(false);
    for (ReportFigure figure : figures.figures()) {
      for (ReportSeries series : figure.series()) {
        any = any.or(of(series.survey(), series.indicator()).and(col("domain").isin(figure.domains().toArray())));
      }
    }
    for (KeyFigure key : publication.keyFigures()) {
      any = any.or(of(key.subject()));
    }
    for (PublicationSection section : publication.sections()) {
      for (SectionStatement statement : section.text()) {
        if (statement.subject() != null) {
          any = any.or(of(statement.subject()));
        }
      }
    }
    return any;
  }

  private static Column of(StatementSubject subject) {
    return of(subject.survey(), subject.indicator()).and(col("domain").equalTo(subject.domain()));
  }

  private static Column of(String survey, String indicator) {
    return col("survey").equalTo(survey).and(col("indicator_id").equalTo(indicator));
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
