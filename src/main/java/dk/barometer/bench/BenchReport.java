package dk.barometer.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints benchmark results: one block of stages per size, a summary across sizes, and the same as CSV. */
public final class BenchReport {
  /**
   * The stages of a run that do what R does on the employee survey: its weighting, and its estimates with their
   * standard errors (the point estimates of both surveys are materialised together, in "estimate").
   */
  static final List<String> STATISTICS_STAGES = List.of("weight " + RComparison.SURVEY,
      "variance " + RComparison.SURVEY, "estimate");
  /** The stages of a run that do R's replicate work on the employee survey: drawing and raking, estimating. */
  static final List<String> REPLICATE_STAGES = List.of("replicate weights " + RComparison.SURVEY,
      "bootstrap " + RComparison.SURVEY);
  public static final String CSV_HEADER = "size,rows,generate_seconds,job_seconds,rows_per_second,peak_heap_mib,"
      + "spark_jobs,input_scans,expressions,stage,stage_seconds,stage_spark_jobs,stage_input_scans";

  private final PrintStream out;

  public BenchReport(PrintStream out) {
    this.out = out;
  }

  /** The stages of one size, as soon as it is measured. */
  public void printSize(BenchResult r) {
    out.printf(Locale.ROOT, "%nsize %d: %d rows, generated in %.1f s, run in %.1f s (%.0f rows/s), peak heap %d MiB, "
        + "%d Spark jobs, %d input scans, expressions %s%n", r.size(), r.rows(), r.generateSeconds(), r.jobSeconds(),
        r.rowsPerSecond(), mebibytes(r.peakHeapBytes()), r.sparkJobs(), r.inputScans(), expressions(r));
    out.printf("  %-28s %9s %10s %11s%n", "stage", "seconds", "Spark jobs", "input scans");
    for (BenchResult.Stage s : r.stages()) {
      out.printf(Locale.ROOT, "  %-28s %9.1f %10d %11d%n", s.name(), s.seconds(), s.sparkJobs(), s.inputScans());
    }
  }

  /** One line per size, and whether the number of Spark jobs stayed the same across sizes. */
  public void printSummary(List<BenchResult> results) {
    out.printf("%n%10s %10s %12s %10s %12s %14s %10s %11s%n", "size", "rows", "generate s", "run s", "rows/s",
        "peak heap MiB", "Spark jobs", "input scans");
    for (BenchResult r : results) {
      out.printf(Locale.ROOT, "%10d %10d %12.1f %10.1f %12.0f %14d %10d %11d%n", r.size(), r.rows(),
          r.generateSeconds(), r.jobSeconds(), r.rowsPerSecond(), mebibytes(r.peakHeapBytes()), r.sparkJobs(),
          r.inputScans());
    }
    long distinct = results.stream().map(r -> r.sparkJobs() + "/" + r.inputScans()).distinct().count();
    out.println(distinct <= 1 ? "Spark jobs and input scans are the same at every size: the job's cost grows with "
        + "the data, not its number of passes." : "Spark jobs or input scans differ between sizes: some step "
        + "starts jobs or re-reads its input per row or per group.");
    for (BenchResult r : results) {
      if (r.vsR() != null) {
        out.println(statisticsLine(r));
        out.println(vsRLine(r));
        out.println(replicateLine(r));
      }
      if (r.layouts() != null) {
        out.println(layoutLine(r, r.layouts().array()));
        out.println(layoutLine(r, r.layouts().longForm()));
      }
    }
  }

  /**
   * One layout of the employee replicate weights ({@link ReplicateLayouts}): its rows, the seconds to write it, its
   * bytes on disk, the seconds of the bootstrap query, and the largest difference of the two layouts' SEs.
   */
  public static String layoutLine(BenchResult r, ReplicateLayouts.Layout layout) {
    return String.format(Locale.ROOT, "size=%d layout=%s rows=%d write_seconds=%.1f mib=%.1f query_seconds=%.1f "
        + "max_se_difference=%.3g", r.size(), layout.name(), layout.rows(), layout.writeSeconds(),
        layout.bytes() / (1024.0 * 1024.0), layout.querySeconds(), r.layouts().maxSeDifference());
  }

  /**
   * The comparison with R of one size: R's rows (the employee respondents), the whole job's seconds (both surveys,
   * every indicator, the Delta writes), R's seconds on rake + means + means by size, their ratio and the largest
   * absolute difference between the two sets of estimates.
   */
  public static String vsRLine(BenchResult r) {
    RComparison.Result vsR = r.vsR();
    return String.format(Locale.ROOT, "rows=%d seconds=%.1f r_seconds=%.1f ratio_vs_r=%.1f max_abs_diff=%.3g",
        vsR.rows(), r.jobSeconds(), vsR.rSeconds(), vsR.rSeconds() / r.jobSeconds(), vsR.maxAbsDiff());
  }

  /**
   * R's work against the run's stages that do it ({@link #STATISTICS_STAGES}), beside the whole job's ratio: where
   * the two differ, the job's time goes to reading, validating, the other survey and the Delta writes.
   */
  public static String statisticsLine(BenchResult r) {
    double seconds = statisticsSeconds(r);
    return String.format(Locale.ROOT, "rows=%d statistics_seconds=%.1f r_seconds=%.1f ratio_statistics_vs_r=%.1f "
        + "(statistics: %s; the whole job, below, also reads and validates, does the employer survey and writes the "
        + "Delta tables)", r.vsR().rows(), seconds, r.vsR().rSeconds(), r.vsR().rSeconds() / seconds,
        String.join(" + ", STATISTICS_STAGES));
  }

  /**
   * R's replicate work ({@link RComparison.Replicates}: 200 replicates drawn, raked, and 20 means overall and by
   * size class with their SEs) against the run's stages that do it for every employee indicator
   * ({@link #REPLICATE_STAGES}), with R's parts, the largest difference of the estimates and the median ratio of the
   * two bootstrap SEs.
   */
  public static String replicateLine(BenchResult r) {
    RComparison.Replicates replicates = r.vsR().replicates();
    double seconds = seconds(r, REPLICATE_STAGES);
    return String.format(Locale.ROOT, "rows=%d replicate_seconds=%.1f r_seconds=%.1f ratio_replicates_vs_r=%.1f "
        + "r_calibrate_seconds=%.1f r_estimate_seconds=%.1f max_abs_diff=%.3g median_se_ratio=%.3f (replicates: %s)",
        r.vsR().rows(), seconds, replicates.rSeconds(), replicates.rSeconds() / seconds,
        replicates.calibrateSeconds(), replicates.estimateSeconds(), replicates.maxAbsDiff(),
        replicates.medianSeRatio(), String.join(" + ", REPLICATE_STAGES));
  }

  static double statisticsSeconds(BenchResult r) {
    return seconds(r, STATISTICS_STAGES);
  }

  private static double seconds(BenchResult r, List<String> stages) {
    double seconds = 0;
    for (String name : stages) {
      seconds += r.stages().stream().filter(s -> s.name().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalStateException("the run has no stage '" + name + "'")).seconds();
    }
    return seconds;
  }

  private static String expressions(BenchResult r) {
    return r.interpretedExpressions() ? "interpreted" : "compiled";
  }

  /** The results as CSV: one line per size and stage, the size's totals repeated on each. */
  public static String csv(List<BenchResult> results) {
    StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
    for (BenchResult r : results) {
      for (BenchResult.Stage s : r.stages()) {
        csv.append(String.format(Locale.ROOT, "%d,%d,%.3f,%.3f,%.1f,%d,%d,%d,%s,\"%s\",%.3f,%d,%d%n",
            r.size(), r.rows(), r.generateSeconds(), r.jobSeconds(), r.rowsPerSecond(), mebibytes(r.peakHeapBytes()),
            r.sparkJobs(), r.inputScans(), expressions(r), s.name(), s.seconds(), s.sparkJobs(), s.inputScans()));
      }
    }
    return csv.toString();
  }

  private static long mebibytes(long bytes) {
    return bytes / (1024 * 1024);
  }
}
