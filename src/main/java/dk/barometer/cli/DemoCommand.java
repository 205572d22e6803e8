package dk.barometer.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.PactCodebook;
import dk.barometer.config.PseudonymKey;
import dk.barometer.config.TokenSource;
import dk.barometer.demo.DemoGenerator;
import dk.barometer.demo.PactDemo;
import dk.barometer.pipeline.PactRun;
import dk.barometer.pipeline.WaveRun;
import dk.barometer.runtime.SparkSessions;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code demo}: the demo waves and the pact's demo partner reports generated where absent, each wave run by
 * {@link WaveRun} and each pact year by {@link PactRun}, then the trends.
 */
final class DemoCommand implements Command {
  /** The 2025 wave (the report's figures) and the 2026 wave (a changed codebook) make a trend. */
  private static final List<Integer> DEMO_WAVES = List.of(2025, 2026);

  @Override
  public String help() {
    return CommandHelp.DEMO;
  }

  @Override
  public Set<String> options() {
    return Set.of("warehouse", "conf");
  }

  @Override
  public void run(Args args, PrintStream out) {
    BarometerConfig config = BarometerConfig.load(Home.conf(args));
    Path data = Home.demoData();
    PseudonymKey key = pseudonymKey(Home.pseudonymKeySource(args), data, out);
    SparkSession spark = SparkSessions.builder("barometer demo").getOrCreate();
    Warehouse warehouse = new Warehouse(spark, Home.warehouse(args));
    WaveRun.Outcome first = null;
    for (int wave : DEMO_WAVES) {
      if (!Files.isDirectory(data.resolve("employer").resolve("wave=" + wave))) {
        out.println("Generating the " + wave + " demo wave into " + data + " ...");
        DemoGenerator generator = DemoGenerator.forWave(config, wave);
        generator.write(spark, data, generator.defaults());
      }
      out.println("Running wave " + wave + " into " + warehouse.root() + " ...");
      WaveRun.Outcome outcome = new WaveRun(spark, config, warehouse, key).run(wave, data.toString());
      first = first == null ? outcome : first;
    }
    PactDemo pact = PactDemo.load(config);
    for (int year : DEMO_WAVES) {
      if (!PactDemo.generated(data, year)) {
        out.println("Generating the pact's " + year + " demo partner reports into " + data + " ...");
        pact.write(spark, data, year);
      }
      out.println("Running the pact's " + year + " partner reports into " + warehouse.root() + " ...");
      new PactRun(spark, config, warehouse).run(year, data.toString());
    }
    new DemoSummary(spark, warehouse, config).print(out, DEMO_WAVES.get(0), first);
    printPact(spark, warehouse, out);
    out.println();
    TrendsCommand.writeTrends(warehouse, out);
  }

  /** The pact's headline totals of each demo year: a few rows of the figures table. */
  private static void printPact(SparkSession spark, Warehouse warehouse, PrintStream out) {
    List<Row> totals = warehouse.read(Table.PACT_FIGURES).where(col("dimension").equalTo(PactCodebook.TOTAL))
        .groupBy("year").pivot("figure", List.of(PactCodebook.PEOPLE_UPSKILLED, PactCodebook.PARTNERS))
        .agg(first("count")).orderBy("year").collectAsList();
    out.println();
    out.println("AI competence pact, as its partners reported (counts, not estimates):");
    for (Row row : totals) {
      out.printf("  %d: %,d people upskilled by %d partners%n", row.getInt(0), row.getLong(1), row.getLong(2));
    }
  }

  /**
   * The configured pseudonym key, else the demo's own in {@code data/pseudonym.key}, made on the first demo: the
   * demo runs on a fresh clone, and its synthetic respondents need no key kept elsewhere.
   */
  private static PseudonymKey pseudonymKey(TokenSource configured, Path data, PrintStream out) {
    if (configured.read().isPresent()) {
      return PseudonymKey.read(configured);
    }
    Path file = data.resolve("pseudonym.key");
    if (!Files.exists(file)) {
      try {
        Files.createDirectories(data);
        Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------"))), PseudonymKey.newKeyText() + "\n");
      } catch (IOException e) {
        throw CommandErrors.unwritable(file, e);
      }
      out.println("No pseudonym key in " + configured + ": made a demo key in " + file + " (for the demo only).");
    }
    PseudonymKey key = PseudonymKey.read(TokenSource.parse("file:" + file));
    out.println("Respondent pseudonyms with the demo key in " + file + " (fingerprint " + key.fingerprint() + ").");
    return key;
  }
}
