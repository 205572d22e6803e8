package dk.barometer.cli;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.PseudonymKey;
import dk.barometer.pipeline.WaveRun;
import dk.barometer.runtime.SparkSessions;
import dk.barometer.warehouse.Warehouse;
import java.io.PrintStream;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/** {@code run}: one wave into the warehouse. */
final class RunCommand implements Command {
  @Override
  public String help() {
    return CommandHelp.RUN;
  }

  @Override
  public Set<String> options() {
    return Set.of("wave", "input", "warehouse", "conf");
  }

  @Override
  public void run(Args args, PrintStream out) {
    int wave = args.requiredWave();
    String input = Home.input(args, "run");
    BarometerConfig config = BarometerConfig.load(Home.conf(args));
    PseudonymKey key = PseudonymKey.read(Home.pseudonymKeySource(args)); // before Spark reads anything
    SparkSession spark = SparkSessions.builder("barometer run " + wave, Home.sparkSettings(args)).getOrCreate();
    Warehouse warehouse = new Warehouse(spark, Home.warehouse(args));
    WaveRun.Outcome outcome = new WaveRun(spark, config, warehouse, key).run(wave, input);
    out.printf("Run %s of wave %d succeeded: %s. Tables in %s%n", outcome.record().runId(), wave,
        outcome.record().rowCounts(), warehouse.root());
  }
}
