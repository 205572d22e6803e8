package dk.barometer.cli;

import dk.barometer.estimation.TrendEstimator;
import dk.barometer.runtime.SparkSessions;
import dk.barometer.warehouse.Table;
import dk.barometer.warehouse.Warehouse;
import java.io.PrintStream;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/** {@code trends}: the trends table rewritten from every wave's indicators, and printed. */
final class TrendsCommand implements Command {
  @Override
  public String help() {
    return CommandHelp.TRENDS;
  }

  @Override
  public Set<String> options() {
    return Set.of("warehouse", "conf");
  }

  @Override
  public void run(Args args, PrintStream out) {
    SparkSession spark = SparkSessions.builder("barometer trends", Home.sparkSettings(args)).getOrCreate();
    writeTrends(new Warehouse(spark, Home.warehouse(args)), out);
  }

  /** Rewrites the trends table from every wave in the indicators table and prints it (the demo's last step too). */
  static void writeTrends(Warehouse warehouse, PrintStream out) {
    warehouse.replace(Table.TRENDS, new TrendEstimator().trends(warehouse.read(Table.INDICATORS)));
    new TrendsPrinter(out).print(warehouse);
  }
}
