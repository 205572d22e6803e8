package dk.barometer.cli;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.PublishedFigures;
import dk.barometer.query.PublishedComparison;
import dk.barometer.runtime.SparkSessions;
import dk.barometer.warehouse.Warehouse;
import java.io.PrintStream;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/** {@code compare-published}: a wave's estimates against the figures and comparison claims of its publication. */
final class ComparePublishedCommand implements Command {
  @Override
  public String help() {
    return CommandHelp.COMPARE_PUBLISHED;
  }

  @Override
  public Set<String> options() {
    return Set.of("wave", "warehouse", "conf");
  }

  @Override
  public void run(Args args, PrintStream out) {
    int wave = args.requiredWave();
    PublishedFigures published = PublishedFigures.load(Home.conf(args), wave);
    SparkSession spark = SparkSessions.builder("barometer compare-published", Home.sparkSettings(args))
        .getOrCreate();
    PublishedComparison comparison = new PublishedComparison(spark, new Warehouse(spark, Home.warehouse(args)));
    new PublishedComparisonPrinter(out).print(wave, comparison.compare(published),
        comparison.claims(wave, BarometerConfig.load(Home.conf(args)).comparisons()));
  }
}
