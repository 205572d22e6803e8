package dk.barometer.cli;

import static org.apache.spark.sql.functions.col;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.Codebook;
import dk.barometer.config.DomainDefinition;
import dk.barometer.config.IndicatorCategory;
import dk.barometer.config.IndicatorDefinition;
import dk.barometer.pipeline.WaveRun;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The demo's closing summary, read back from the indicators table: the employer survey's maturity figures by size
 * class and sector, weighted beside unweighted, so the effect of the weighting is visible at a glance.
 */
final class DemoSummary {
  private static final List<String> INDICATORS = List.of("maturity", "uses_ai", "implemented");
  private static final List<String> DOMAINS = List.of("total", "size_class", "sector");

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final BarometerConfig config;

  DemoSummary(SparkSession spark, Warehouse warehouse, BarometerConfig config) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.config = config;
  }

  private record Figure(String indicator, String category, String label) {}

  void print(PrintStream out, int wave, WaveRun.Outcome outcome) {
    Map<String, Row> byKey = new HashMap<>();
    for (Row r : spark.read().format("delta").load(warehouse.path(Table.INDICATORS))
        .where(col("wave").equalTo(wave).and(col("survey").equalTo("employer"))
            .and(col("indicator_id").isin(INDICATORS.toArray())).and(col("domain").isin(DOMAINS.toArray())))
        .select("indicator_id", "domain", "domain_value", "category", "estimate", "unweighted_estimate", "base_n")
        .collectAsList()) {
      byKey.put(String.join("/", r.getString(0), r.getString(1), r.getString(2), r.getString(3)), r);
    }
    List<Figure> figures = figures(config.codebook(wave));
    out.printf("%nWave %d, employer survey: percent weighted to the register (unweighted in brackets)%n%n", wave);
    StringBuilder header = new StringBuilder(String.format("%-28s %6s", "", "base n"));
    figures.forEach(f -> header.append(String.format(" %14s", f.label())));
    out.println(header);
    for (String domain : DOMAINS) {
      for (String[] value : domainValues(domain)) {
        Row any = byKey.get(String.join("/", "uses_ai", domain, value[0], IndicatorCategory.YES));
        if (any == null) {
          continue;
        }
        StringBuilder line = new StringBuilder(String.format("%-28s %6d", value[1], any.<Long>getAs("base_n")));
        for (Figure f : figures) {
          Row r = byKey.get(String.join("/", f.indicator(), domain, value[0], f.category()));
          line.append(r == null ? String.format(" %14s", "-") : String.format(" %6.1f (%5.1f)",
              100 * r.getDouble(4), 100 * r.getDouble(5)));
        }
        out.println(line);
      }
    }
    out.printf("%nRun %s wrote %s to %s.%nQuery the tables: jobs/barometer sql \"SELECT * FROM indicators "
        + "WHERE wave = %d\"%n", outcome.record().runId(), outcome.record().rowCounts(), warehouse.root(), wave);
  }

  /** The maturity steps, then the share indicators, labelled from the codebook and the catalogue. */
  private List<Figure> figures(Codebook codebook) {
    List<Figure> figures = new ArrayList<>();
    for (String id : INDICATORS) {
      IndicatorDefinition indicator = config.indicators().indicators().stream().filter(i -> i.id().equals(id))
          .findFirst().orElseThrow();
      for (IndicatorCategory category : indicator.categories(concept -> codebook)) {
        String label = category.code().equals(IndicatorCategory.YES) ? id : category.en().replace("AI ", "");
        figures.add(new Figure(id, category.code(), label));
      }
    }
    return figures;
  }

  private List<String[]> domainValues(String domain) {
    if (domain.equals("total")) {
      return List.<String[]>of(new String[] {DomainDefinition.TOTAL_VALUE, "All firms"});
    }
    return config.classifications().get(domain).codes().stream()
        .map(c -> new String[] {c.code(), c.en()}).toList();
  }
}
