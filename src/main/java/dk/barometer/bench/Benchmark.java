package dk.barometer.bench;

import dk.barometer.config.BarometerConfig;
import dk.barometer.config.PseudonymKey;
import dk.barometer.demo.DemoGenerator;
import dk.barometer.demo.DemoOptions;
import dk.barometer.ingest.InputLayout;
import dk.barometer.ingest.RegisterMargins;
import dk.barometer.ingest.RegisterReader;
import dk.barometer.pipeline.WaveRun;
import dk.barometer.runtime.StageTiming;
import dk.barometer.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the whole job on employee-heavy demo waves of growing size: per size, generates a wave with that many
 * employee respondents (and the default 1008 employers, fixed seed) under {@code out/<size>/input}, runs it into a
 * fresh warehouse {@code out/<size>/warehouse} and measures the run. Generation is timed apart from the run.
 */
public final class Benchmark {
  /** The wave whose codebook and demo model the benchmark uses. */
  public static final int WAVE = 2025;

  private final SparkSession spark;
  private final BarometerConfig config;
  private final Path out;
  private final RComparison vsR;
  private final boolean layouts;
  /** The benchmark's warehouses are scratch, their pseudonyms never linked: a key of their own, not the real one. */
  private final PseudonymKey pseudonymKey = PseudonymKey.random("a random key for the benchmark");

  /**
   * @param vsR compares each size with R's survey package ({@link RComparison}); null to run the job only. With
   *     it, every employee indicator is also broken down by size class, the work R does.
   * @param layouts also writes the run's employee replicate weights in both layouts, array and long, and queries each
   *     ({@link ReplicateLayouts}), under {@code out/<size>/layouts}
   */
  public Benchmark(SparkSession spark, BarometerConfig config, Path out, RComparison vsR, boolean layouts) {
    this.spark = spark;
    this.layouts = layouts;
    this.config = vsR == null ? config : RComparison.withBreakdown(config);
    this.out = out;
    this.vsR = vsR;
    if (vsR != null) {
      vsR.check(config);
    }
  }

  /** Measures each size in turn, handing each result to {@code done} as it is ready. */
  public List<BenchResult> run(List<Long> sizes, Consumer<BenchResult> done) {
    SparkWorkCounter jobs = SparkWorkCounter.register(spark.sparkContext());
    try {
      List<BenchResult> results = new ArrayList<>();
      for (long size : sizes) {
        BenchResult result = measure(size, jobs);
        done.accept(result);
        results.add(result);
      }
      return results;
    } finally {
      jobs.unregister();
    }
  }

  /** The input directory of {@code size}'s generated wave. */
  public Path input(long size) {
    return out.resolve(Long.toString(size)).resolve("input");
  }

  private BenchResult measure(long size, SparkWorkCounter jobs) {
    Path input = input(size);
    Path warehouse = out.resolve(Long.toString(size)).resolve("warehouse").toAbsolutePath();
    long start = System.nanoTime();
    DemoGenerator generator = DemoGenerator.forWave(config, WAVE);
    generator.write(spark, input.toAbsolutePath(),
        new DemoOptions(generator.defaults().seed(), DemoOptions.DEFAULT_EMPLOYERS, size));
    double generateSeconds = (System.nanoTime() - start) / 1e9;
    deleteRecursively(warehouse);

    jobs.drain(); // the generator's jobs are not the run's
    System.gc(); // so the peak is the run's, not garbage left by the generator
    HeapPeak.reset();
    start = System.nanoTime();
    Warehouse tables = new Warehouse(spark, warehouse.toString());
    WaveRun.Outcome outcome = new WaveRun(spark, config, tables, pseudonymKey).run(WAVE, input.toAbsolutePath().toString());
    double jobSeconds = (System.nanoTime() - start) / 1e9;
    long peakHeap = HeapPeak.bytes();
    Map<String, SparkWorkCounter.Work> perStage = jobs.drain();

    List<BenchResult.Stage> stages = new ArrayList<>();
    for (StageTiming timing : outcome.stages()) {
      SparkWorkCounter.Work work = perStage.getOrDefault(timing.stage(), SparkWorkCounter.Work.NONE);
      stages.add(new BenchResult.Stage(timing.stage(), timing.seconds(), work.jobs(), work.scans()));
    }
    double staged = covered(outcome.stages());
    SparkWorkCounter.Work between = perStage.getOrDefault(SparkWorkCounter.BETWEEN_STAGES,
        SparkWorkCounter.Work.NONE);
    stages.add(new BenchResult.Stage(SparkWorkCounter.BETWEEN_STAGES, Math.max(0, jobSeconds - staged),
        between.jobs(), between.scans()));
    long rows = outcome.record().rowCounts().entrySet().stream().filter(e -> e.getKey().endsWith("_rows_in"))
        .mapToLong(Map.Entry::getValue).sum();
    RComparison.Result r = null;
    if (vsR != null) {
      int year = config.settings().wave(WAVE).registerYear();
      RegisterMargins register = new RegisterReader(spark)
          .read(new InputLayout(input.toAbsolutePath().toString()).register(year), year);
      r = vsR.compare(config, WAVE, tables, register, out.resolve(Long.toString(size)).resolve("r"));
      jobs.drain(); // the export's jobs are not the run's
    }
    ReplicateLayouts.Result layoutResult = null;
    if (layouts) {
      Path layoutDir = out.resolve(Long.toString(size)).resolve("layouts").toAbsolutePath();
      deleteRecursively(layoutDir);
      layoutResult = new ReplicateLayouts(spark).measure(tables, WAVE, layoutDir);
      jobs.drain(); // the layouts' jobs are not the run's
    }
    return new BenchResult(size, rows, generateSeconds, jobSeconds, peakHeap, stages,
        outcome.interpretedExpressions(), r, layoutResult);
  }

  /** The seconds during which some stage ran: stages of different surveys overlap, and count once there. */
  static double covered(List<StageTiming> stages) {
    double covered = 0;
    double end = Double.NEGATIVE_INFINITY;
    for (StageTiming stage : stages.stream().sorted(Comparator.comparingDouble(StageTiming::start)).toList()) {
      covered += Math.max(0, stage.end() - Math.max(stage.start(), end));
      end = Math.max(end, stage.end());
    }
    return covered;
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw BenchErrors.warehouseNotEmptied(dir, e);
    }
  }
}
