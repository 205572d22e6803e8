package dk.barometer.cli;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.SimulationSettings;
import dk.barometer.demo.CoverageSimulation;
import dk.barometer.demo.EstimateCoverage;
import dk.barometer.runtime.SparkSessions;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/** {@code simulate}: the coverage check of the standard errors on repeated demo samples. */
final class SimulateCommand implements Command {
  @Override
  public String help() {
    return CommandHelp.SIMULATE;
  }

  @Override
  public Set<String> options() {
    return Set.of("wave", "samples", "conf");
  }

  @Override
  public void run(Args args, PrintStream out) {
    int wave = args.intOption("wave", 2025);
    BarometerConfig config = BarometerConfig.load(Home.conf(args));
    SimulationSettings settings = SimulationSettings.load(Home.conf(args));
    settings = settings.withSamples(args.intOption("samples", settings.samples()));
    SparkSession spark = SparkSessions.builder("barometer simulate").getOrCreate();
    List<EstimateCoverage> results = new CoverageSimulation(config, wave, settings).run(spark);
    new CoveragePrinter(out, settings).print(wave, results);
  }
}
