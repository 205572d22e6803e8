package dk.barometer.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints benchmark results: one block of stages per size, a summary across sizes, and the same as CSV. */
public final class BenchReport {
  public static final String CSV_HEADER = "size,rows,generate_seconds,job_seconds,rows_per_second,peak_heap_mib,"
      + "spark_jobs,stage,stage_seconds,stage_spark_jobs";

  private final PrintStream out;

  public BenchReport(PrintStream out) {
    this.out = out;
  }

  /** The stages of one size, as soon as it is measured. */
  public void printSize(BenchResult r) {
    out.printf(Locale.ROOT, "%nsize %d: %d rows, generated in %.1f s, run in %.1f s (%.0f rows/s), peak heap %d MiB, "
        + "%d Spark jobs%n", r.size(), r.rows(), r.generateSeconds(), r.jobSeconds(), r.rowsPerSecond(),
        mebibytes(r.peakHeapBytes()), r.sparkJobs());
    out.printf("  %-28s %9s %10s%n", "stage", "seconds", "Spark jobs");
    for (BenchResult.Stage s : r.stages()) {
      out.printf(Locale.ROOT, "  %-28s %9.1f %10d%n", s.name(), s.seconds(), s.sparkJobs());
    }
  }

  /** One line per size, and whether the number of Spark jobs stayed the same across sizes. */
  public void printSummary(List<BenchResult> results) {
    out.printf("%n%10s %10s %12s %10s %12s %14s %10s%n", "size", "rows", "generate s", "run s", "rows/s",
        "peak heap MiB", "Spark jobs");
    for (BenchResult r : results) {
      out.printf(Locale.ROOT, "%10d %10d %12.1f %10.1f %12.0f %14d %10d%n", r.size(), r.rows(), r.generateSeconds(),
          r.jobSeconds(), r.rowsPerSecond(), mebibytes(r.peakHeapBytes()), r.sparkJobs());
    }
    long distinct = results.stream().mapToInt(BenchResult::sparkJobs).distinct().count();
    out.println(distinct <= 1 ? "Spark jobs are the same at every size: the job's cost grows with the data, not "
        + "its number of jobs." : "Spark jobs differ between sizes: some step starts jobs per row or per group.");
  }

  /** The results as CSV: one line per size and stage, the size's totals repeated on each. */
  public static String csv(List<BenchResult> results) {
    StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
    for (BenchResult r : results) {
      for (BenchResult.Stage s : r.stages()) {
        csv.append(String.format(Locale.ROOT, "%d,%d,%.3f,%.3f,%.1f,%d,%d,\"%s\",%.3f,%d%n", r.size(), r.rows(),
            r.generateSeconds(), r.jobSeconds(), r.rowsPerSecond(), mebibytes(r.peakHeapBytes()), r.sparkJobs(),
            s.name(), s.seconds(), s.sparkJobs()));
      }
    }
    return csv.toString();
  }

  private static long mebibytes(long bytes) {
    return bytes / (1024 * 1024);
  }
}
