package dk.barometer.cli;

import dk.barometer.config.BarometerConfig;
import dk.barometer.demo.DemoGenerator;
import dk.barometer.pipeline.WaveRun;
import dk.barometer.runtime.SparkSessions;
import dk.barometer.warehouse.Warehouse;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/** {@code demo}: the demo waves generated where absent, each run by {@link WaveRun}, then the trends. */
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
    SparkSession spark = SparkSessions.builder("barometer demo").getOrCreate();
    Path data = Home.demoData();
    Warehouse warehouse = new Warehouse(spark, Home.warehouse(args));
    WaveRun.Outcome first = null;
    for (int wave : DEMO_WAVES) {
      if (!Files.isDirectory(data.resolve("employer").resolve("wave=" + wave))) {
        out.println("Generating the " + wave + " demo wave into " + data + " ...");
        DemoGenerator generator = DemoGenerator.forWave(config, wave);
        generator.write(spark, data, generator.defaults());
      }
      out.println("Running wave " + wave + " into " + warehouse.root() + " ...");
      WaveRun.Outcome outcome = new WaveRun(spark, config, warehouse).run(wave, data.toString());
      first = first == null ? outcome : first;
    }
    new DemoSummary(spark, warehouse, config).print(out, DEMO_WAVES.get(0), first);
    out.println();
    TrendsCommand.writeTrends(warehouse, out);
  }
}
