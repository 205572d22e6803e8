package dk.barometer.cli;

import dk.barometer.config.BarometerConfig;
import dk.barometer.pipeline.PactRun;
import dk.barometer.runtime.SparkSessions;
import dk.barometer.warehouse.Warehouse;
import java.io.PrintStream;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/** {@code pact}: one reporting year of the AI competence pact's partner reports into the warehouse. */
final class PactCommand implements Command {
  @Override
  public String help() {
    return CommandHelp.PACT;
  }

  @Override
  public Set<String> options() {
    return Set.of("year", "input", "warehouse", "conf");
  }

  @Override
  public void run(Args args, PrintStream out) {
    int year = args.requiredInt("year");
    String input = Home.input(args, "pact");
    BarometerConfig config = BarometerConfig.load(Home.conf(args));
    SparkSession spark = SparkSessions.builder("barometer pact " + year, Home.sparkSettings(args)).getOrCreate();
    Warehouse warehouse = new Warehouse(spark, Home.warehouse(args));
    PactRun.Outcome outcome = new PactRun(spark, config, warehouse).run(year, input);
    out.printf("Pact run %s of %d succeeded: %s. Tables in %s%n", outcome.record().runId(), year,
        outcome.record().rowCounts(), warehouse.root());
  }
}
