package dk.barometer.bench;

import static org.apache.spark.sql.functions.col;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.IndicatorCatalog;
import dk.barometer.config.IndicatorDefinition;
import dk.barometer.estimation.IndicatorEstimator;
import dk.barometer.ingest.RegisterMargins;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * The same work in R's {@code survey} package: the employee respondents a bench run wrote are exported with
 * {@value #ITEMS} of their 0/1 items, {@code src/test/r/bench_vs_r.R} rakes them and estimates every item overall
 * and by size class, and its estimates are compared with the run's {@code indicators} table.
 */
public final class RComparison {
  public static final String SURVEY = "employee";
  public static final int ITEMS = 20;
  /** The breakdown R's {@code svyby} estimates by, added to the bench's employee indicators. */
  public static final String BY = "size_class";
  /** The sampling stratum and the raking margins, as the R script has them. */
  private static final List<String> DESIGN_COLUMNS = List.of("stratum", "industry", "region", "size_class");
  private static final Pattern R_FIGURE = Pattern.compile("([a-z_]+)=([0-9.]+)");

  /**
   * One size's comparison: R's seconds on the timed work and the largest |R - Spark| over the estimates, and the
   * same for the replicate work.
   */
  public record Result(long rows, double rSeconds, double maxAbsDiff, int estimates, Replicates replicates) {}

  /**
   * R's replicate work ({@code bench_replicates_vs_r.R}): its seconds in all, calibrating (replicates drawn and
   * raked) and estimating; the largest |R - Spark| over the estimates, and the median of the run's se_bootstrap over
   * R's replicate SE (their replicates are drawn apart, so 1 within Monte Carlo error).
   */
  public record Replicates(double rSeconds, double calibrateSeconds, double estimateSeconds, double maxAbsDiff,
                           double medianSeRatio, int estimates) {}

  private final Path script;
  private final Path replicateScript;

  /** @param script {@code bench_vs_r.R}; {@code bench_replicates_vs_r.R} is beside it */
  public RComparison(Path script) {
    this.script = script;
    this.replicateScript = script.resolveSibling("bench_replicates_vs_r.R");
  }

  /** Fails early, before any size is generated, when R, the script or a plain raking design is missing. */
  public void check(BarometerConfig config) {
    var survey = config.settings().survey(SURVEY);
    boolean collapses = survey.margins().stream().anyMatch(m -> !survey.collapseOf(m).isEmpty());
    if (!survey.margins().equals(DESIGN_COLUMNS.subList(1, DESIGN_COLUMNS.size()))
        || !survey.stratum().equals(DESIGN_COLUMNS.get(0))) {
      throw BenchErrors.designNotInScript(script, DESIGN_COLUMNS, SURVEY, survey.stratum(), survey.margins());
    }
    if (collapses || survey.trimming() != null) {
      throw BenchErrors.notPlainRaking(script, SURVEY);
    }
    for (Path file : List.of(script, replicateScript)) {
      if (!Files.isRegularFile(file)) {
        throw BenchErrors.scriptMissing(file);
      }
    }
    try {
      Process p = new ProcessBuilder("Rscript", "-e", "suppressPackageStartupMessages(library(survey))")
          .redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw BenchErrors.surveyPackageMissing(output.strip());
      }
    } catch (IOException e) {
      throw BenchErrors.rscriptMissing(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while looking for R");
    }
  }

  /** The configuration the bench runs with for the comparison: every employee indicator also by size class. */
  public static BarometerConfig withBreakdown(BarometerConfig config) {
    List<IndicatorDefinition> indicators = new ArrayList<>();
    for (IndicatorDefinition i : config.indicators().indicators()) {
      List<String> domains = new ArrayList<>(i.domains());
      if (i.survey().equals(SURVEY) && !domains.contains(BY)) {
        domains.add(BY);
      }
      indicators.add(i.withDomains(domains));
    }
    IndicatorCatalog catalog = config.indicators().withIndicators(indicators);
    return new BarometerConfig(config.directory(), config.settings(), config.classifications(), catalog,
        config.comparisons());
  }

  /** Exports the wave's employee respondents to {@code dir}, runs R on them and compares the estimates. */
  public Result compare(BarometerConfig config, int wave, Warehouse warehouse, RegisterMargins register, Path dir) {
    Dataset<Row> responses = warehouse.read(Table.responses(SURVEY)).where(col("wave").equalTo(wave));
    IndicatorEstimator estimator = new IndicatorEstimator(config.indicators(), config.codebook(wave).harmonised());
    List<IndicatorEstimator.ItemValue> items = estimator.itemValues(SURVEY, Set.of(responses.columns())).stream()
        .limit(ITEMS).toList();
    List<Column> columns = new ArrayList<>(DESIGN_COLUMNS.stream().map(c -> col(c)).toList());
    for (int i = 0; i < items.size(); i++) {
      columns.add(items.get(i).value().as(item(i)));
    }
    try {
      Files.createDirectories(dir);
      long rows = writeSingleCsv(responses.select(columns.toArray(Column[]::new)), dir.resolve("rows.csv"));
      writeRegister(config, register, dir.resolve("register.csv"));
      StringBuilder itemsCsv = new StringBuilder("item,indicator_id,category\n");
      for (int i = 0; i < items.size(); i++) {
        itemsCsv.append(item(i)).append(',').append(items.get(i).indicatorId()).append(',')
            .append(items.get(i).category()).append('\n');
      }
      Files.writeString(dir.resolve("items.csv"), itemsCsv);
      Map<String, Double> taylor = runR(script, dir);
      Map<String, Double> replicates = runR(replicateScript, dir);
      Map<String, double[]> ours = runEstimates(warehouse, wave);
      Comparison plain = compareEstimates(ours, items, dir.resolve("results.csv"), script);
      Comparison replicated = compareEstimates(ours, items, dir.resolve("results_replicates.csv"), replicateScript);
      return new Result(rows, seconds(taylor, "r_seconds"), plain.maxAbsDiff(), plain.estimates(),
          new Replicates(seconds(replicates, "r_seconds"), seconds(replicates, "calibrate_seconds"),
              seconds(replicates, "estimate_seconds"), replicated.maxAbsDiff(), replicated.medianSeRatio(),
              replicated.estimates()));
    } catch (IOException e) {
      throw BenchErrors.comparisonUnwritable(dir, e);
    }
  }

  /** The run's employee estimates overall and by size class, with their se_bootstrap (NaN where null). */
  private static Map<String, double[]> runEstimates(Warehouse warehouse, int wave) {
    Map<String, double[]> ours = new HashMap<>();
    for (Row r : warehouse.read(Table.INDICATORS)
        .where(col("wave").equalTo(wave).and(col("survey").equalTo(SURVEY))
            .and(col("domain").isin("total", BY)))
        .select("indicator_id", "category", "domain", "domain_value", "estimate", "se_bootstrap").collectAsList()) {
      ours.put(String.join("/", r.getString(0), r.getString(1), r.getString(2), r.getString(3)),
          new double[] {r.getDouble(4), r.isNullAt(5) ? Double.NaN : r.getDouble(5)});
    }
    return ours;
  }

  /** Over the estimates of one R results file: the largest |R - Spark| and the median se_bootstrap / R's SE. */
  private record Comparison(double maxAbsDiff, double medianSeRatio, int estimates) {}

  /** Every estimate R wrote to {@code results} against the run's; an estimate missing from the run is an error. */
  private static Comparison compareEstimates(Map<String, double[]> ours, List<IndicatorEstimator.ItemValue> items,
                                             Path results, Path script) throws IOException {
    List<String> lines = Files.readAllLines(results);
    double max = 0;
    List<Double> ratios = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1); // item, domain, domain_value, estimate, se
      IndicatorEstimator.ItemValue item = items.get(Integer.parseInt(f[0].substring("item".length())) - 1);
      String key = String.join("/", item.indicatorId(), item.category(), f[1], f[2]);
      double[] estimate = ours.get(key);
      if (estimate == null) {
        throw BenchErrors.estimateNotInRun(key, results, script);
      }
      max = Math.max(max, Math.abs(estimate[0] - Double.parseDouble(f[3])));
      double se = Double.parseDouble(f[4]);
      if (se > 0 && !Double.isNaN(estimate[1])) {
        ratios.add(estimate[1] / se);
      }
    }
    Collections.sort(ratios);
    double median = ratios.isEmpty() ? Double.NaN : ratios.size() % 2 == 1 ? ratios.get(ratios.size() / 2)
        : (ratios.get(ratios.size() / 2 - 1) + ratios.get(ratios.size() / 2)) / 2;
    return new Comparison(max, median, lines.size() - 1);
  }

  private static String item(int i) {
    return "item" + (i + 1);
  }

  private long writeSingleCsv(Dataset<Row> rows, Path file) throws IOException {
    Path parts = file.resolveSibling(file.getFileName() + ".parts");
    rows.coalesce(1).write().mode(SaveMode.Overwrite).option("header", true).csv(parts.toString());
    try (Stream<Path> files = Files.list(parts)) {
      Path part = files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst()
          .orElseThrow(() -> new IOException("Spark wrote no part file under " + parts));
      Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count() - 1;
    }
  }

  private static void writeRegister(BarometerConfig config, RegisterMargins register, Path file) throws IOException {
    String population = config.settings().survey(SURVEY).population();
    StringBuilder csv = new StringBuilder("variable,category,count\n");
    for (String variable : DESIGN_COLUMNS) {
      register.margin(population, variable).forEach((category, count) ->
          csv.append(variable).append(',').append(category).append(',').append(count).append('\n'));
    }
    Files.writeString(file, csv);
  }

  /** Runs {@code rScript} on {@code dir}: the {@code name=value} figures it prints. */
  private static Map<String, Double> runR(Path rScript, Path dir) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("Rscript", rScript.toString(), dir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      Process p = builder.start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = p.waitFor();
      if (exit != 0) {
        throw BenchErrors.rFailed(rScript, dir, exit, output);
      }
      Map<String, Double> figures = new HashMap<>();
      Matcher m = R_FIGURE.matcher(output);
      while (m.find()) {
        figures.put(m.group(1), Double.parseDouble(m.group(2)));
      }
      if (!figures.containsKey("r_seconds")) {
        throw new IllegalStateException(rScript.getFileName() + " printed no r_seconds: " + output);
      }
      return figures;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while R ran on " + dir);
    }
  }

  private static double seconds(Map<String, Double> figures, String name) {
    return figures.getOrDefault(name, Double.NaN);
  }
}
