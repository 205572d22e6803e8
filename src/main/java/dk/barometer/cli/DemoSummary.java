package dk.barometer.cli;

import static org.apache.spark.sql.functions.col;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Codebook;
import dk.barometer.config.IndicatorDefinition;
import dk.barometer.config.IndicatorType;
import dk.barometer.config.Question;
import dk.barometer.publish.Table;
import dk.barometer.publish.Warehouse;
import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The demo's closing summary: maturity figures from the indicators table, weighted beside unweighted. */
final class DemoSummary {
  private final SparkSession spark;
  private final Warehouse warehouse;
  private final BarometerConfig config;

  DemoSummary(SparkSession spark, Warehouse warehouse, BarometerConfig config) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.config = config;
  }

  void print(PrintStream out, int wave, WaveRun.Outcome outcome) {
    List<Row> rows = spark.read().format("delta").load(warehouse.path(Table.INDICATORS))
        .where(col("wave").equalTo(wave).and(col("survey").equalTo("employer"))
            .and(col("indicator_id").isin("maturity", "uses_ai", "implemented"))
            .and(col("domain").isin("total", "size_class", "sector")))
        .orderBy(col("domain"), col("domain_value"), col("indicator_id"), col("category"))
        .select("indicator_id", "domain", "domain_value", "category", "estimate", "unweighted_estimate", "base_n")
        .collectAsList();
    out.printf("%nWave %d, employer survey: AI maturity, weighted to the register vs unweighted (percent)%n", wave);
    out.printf("%-28s %-44s %9s %11s %7s%n", "domain", "figure", "weighted", "unweighted", "base n");
    for (Row r : rows) {
      out.printf("%-28s %-44s %9.1f %11.1f %7d%n", domainLabel(r.getString(1), r.getString(2)),
          figureLabel(wave, r.getString(0), r.getString(3)), 100 * r.getDouble(4), 100 * r.getDouble(5), r.getLong(6));
    }
    out.printf("%nRun %s wrote %s to %s.%nQuery them: jobs/barometer sql \"SELECT * FROM indicators WHERE wave = %d\"%n",
        outcome.record().runId(), outcome.record().rowCounts(), warehouse.root(), wave);
  }

  private String domainLabel(String domain, String value) {
    if (domain.equals("total")) {
      return "All firms";
    }
    return config.classifications().get(domain).codes().stream().filter(c -> c.code().equals(value))
        .map(c -> c.en()).findFirst().orElse(value);
  }

  private String figureLabel(int wave, String indicatorId, String category) {
    IndicatorDefinition indicator = config.indicators().indicators().stream()
        .filter(i -> i.id().equals(indicatorId)).findFirst().orElseThrow();
    if (indicator.type() == IndicatorType.SHARE) {
      return indicator.en();
    }
    Codebook codebook = config.codebook(wave);
    Question question = codebook.survey(indicator.survey()).question(indicator.question()).orElseThrow();
    return codebook.scaleOf(question).stream().filter(c -> String.valueOf(c.code()).equals(category))
        .map(c -> category + " " + c.en()).findFirst().orElse(category);
  }
}
