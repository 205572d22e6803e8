package dk.barometer.cli;

import dk.barometer.bench.BenchDisk;
import dk.barometer.bench.BenchReport;
import dk.barometer.bench.BenchResult;
import dk.barometer.bench.BenchSizes;
import dk.barometer.bench.Benchmark;
import dk.barometer.bench.RComparison;
import dk.barometer.config.BarometerConfig;
import dk.barometer.runtime.SparkSessions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/** {@code bench}: the whole job timed on generated waves of growing size, optionally against R. */
final class BenchCommand implements Command {
  @Override
  public String help() {
    return CommandHelp.BENCH;
  }

  @Override
  public Set<String> options() {
    return Set.of("sizes", "out", "csv", "conf");
  }

  @Override
  public Set<String> switches() {
    return Set.of("vs-r", "layouts");
  }

  @Override
  public void run(Args args, PrintStream out) {
    List<Long> sizes = BenchSizes.parse(args.option("sizes").orElse(BenchSizes.DEFAULT));
    Path dir = args.outputDirectory("out", Home.home().resolve("target/bench"));
    Optional<Path> csv = args.outputFile("csv"); // written once every size has run
    BarometerConfig config = BarometerConfig.load(Home.conf(args));
    BenchDisk.of(dir, sizes, BenchDisk.bytesPerEmployee(config.settings().replicateWeights().replicates(),
        args.flag("vs-r"), args.flag("layouts"))).check();
    SparkSession spark = SparkSessions.builder("barometer bench").getOrCreate();
    BenchReport report = new BenchReport(out);
    RComparison vsR = args.flag("vs-r")
        ? new RComparison(Home.home().resolve("src/test/r/bench_vs_r.R")) : null;
    List<BenchResult> results = new Benchmark(spark, config, dir, vsR, args.flag("layouts")).run(sizes, report::printSize);
    report.printSummary(results);
    if (csv.isPresent()) {
      try {
        Files.writeString(csv.get(), BenchReport.csv(results));
      } catch (IOException e) {
        throw CommandErrors.unwritable(csv.get(), e);
      }
      out.println("Wrote the figures to " + csv.get());
    }
  }
}
